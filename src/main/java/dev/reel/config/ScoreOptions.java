package dev.reel.config;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * How tokens are scored inside each chunk.
 *
 * @param alpha          attention slider: 0 dense, 0.3 sub-quadratic, 1 linear time in the chunk length
 * @param gates          number of seeded random DNA gates
 * @param seed           seed of the random tastes
 * @param gateThreshold  cosine similarity a token needs to be caught by a gate
 * @param topP           nucleus mass a chunk promotes
 * @param chunkBudget    most tokens one chunk may promote
 * @param ablated        importance parts switched off
 * @param tastes         a tastes file from jobs/train-dna, or null for seeded random tastes
 */
public record ScoreOptions(double alpha, int gates, long seed, double gateThreshold, double topP, int chunkBudget,
                           Set<ImportancePart> ablated, String tastes) implements Serializable {
  public ScoreOptions {
    Checks.inRange(alpha, 0, 1, "--alpha");
    Checks.inRange(gates, 0, 4096, "--gates");
    Checks.require(tastes == null || java.nio.file.Files.isRegularFile(java.nio.file.Path.of(tastes)),
        "--dna: no such file: " + tastes);
    Checks.inRange(gateThreshold, -1, 1, "--gate-threshold");
    Checks.require(topP > 0 && topP <= 1, "--top-p must be in (0, 1]; found " + topP);
    Checks.positive(chunkBudget, "--chunk-budget");
    ablated = ablated == null || ablated.isEmpty() ? EnumSet.noneOf(ImportancePart.class) : EnumSet.copyOf(ablated);
    Checks.require(ablated.size() < ImportancePart.values().length, "--ablate cannot switch off every importance part");
  }

  public boolean uses(ImportancePart part) {
    return !ablated.contains(part);
  }
}
