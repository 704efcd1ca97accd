package dev.drillbook.grading;
import org.junit.jupiter.api.Test;
class ScratchFiguresTest {
    @Test
    void print() throws Exception {
        var graded = OfflineEstimatorTest.gradeInHouse();
        Agreement a = Calibration.agreement(graded);
        System.out.println("FIG " + a);
        for (var p : Calibration.probes(graded, a)) System.out.println("PROBE " + p.name() + " " + p.result() + " " + p.passed());
        long capped = 0;
        for (GradedExample e : InHouseSet.all()) {
            var g = OfflineEstimator.drill(OfflineEstimatorTest.bundled(e.drillId()), e.answer(), GradingService.offlineGrader());
            if (g.notes().stream().anyMatch(n -> n.startsWith("Capped at 79"))) { capped++; System.out.println("CAPPED " + e.id() + " " + e.score()); }
        }
        System.out.println("CAPPEDN " + capped);
    }
}
