package dev.drillbook.grading;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Calibration maths against values computed independently (a separate Python script, by the textbook formulas). */
class AgreementTest {

    @Test
    void matchesIndependentlyComputedValues() {
        double[] h = {1, 2, 3, 4, 5, 0};
        double[] m = {2, 2, 3, 5, 4, 0};
        List<Agreement.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < h.length; i++) {
            pairs.add(new Agreement.Pair(h[i], m[i], 10 + i));
        }
        Agreement a = Agreement.of(pairs, 5);
        assertEquals(0.9157015435010396, a.pearson(), 1e-12);
        assertEquals(0.9276336570439175, a.spearman(), 1e-12);
        assertEquals(0.7071067811865476, a.rmse(), 1e-12);
        assertEquals(0.9090909090909091, a.qwk(), 1e-12);
        assertEquals(3 / 6.0, a.exact(), 1e-12);
        assertEquals(1.0, a.withinOne(), 1e-12);
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertArrayEquals(new double[] {1.5, 1.5, 3, 4.5, 4.5}, Agreement.ranks(new double[] {2, 2, 5, 9, 9}));
    }

    @Test
    void perfectAgreementAndLengthBias() {
        List<Agreement.Pair> same = List.of(new Agreement.Pair(0, 0, 5), new Agreement.Pair(3, 3, 50), new Agreement.Pair(5, 5, 100));
        Agreement a = Agreement.of(same, 5);
        assertEquals(1, a.pearson(), 1e-12);
        assertEquals(1, a.qwk(), 1e-12);
        assertEquals(0, a.rmse(), 1e-12);
        assertEquals(0, a.lengthBias(), 1e-12);
        // a grader that scores by length while people do not
        List<Agreement.Pair> byLength = List.of(new Agreement.Pair(3, 1, 10), new Agreement.Pair(1, 3, 100), new Agreement.Pair(3, 5, 200),
                new Agreement.Pair(1, 2, 50));
        assertEquals(true, Agreement.of(byLength, 5).lengthBias() > 0.5);
    }

    @Test
    void needsTwoAnswers() {
        assertThrows(IllegalArgumentException.class, () -> Agreement.of(List.of(new Agreement.Pair(1, 1, 1)), 5));
    }
}
