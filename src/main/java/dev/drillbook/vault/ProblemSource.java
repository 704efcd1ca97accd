package dev.drillbook.vault;

import java.util.List;

/** Anything that reads user files and can find problems in them (card files, drills) reports through this. */
public interface ProblemSource {

    List<VaultProblem> problems();
}
