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
 * @param tastes         a tastes file from jobs/train-dna, or null for seeded random tastes (its existence is checked
 *                       by the CLI, not here: see {@link ModelOptions})
 * @param rule           what importance is: the DNA parts, or the original system's raw-norm baseline
 * @param vectors        where in-chunk attention gets its vectors: the static table or the model run in context
 * @param backend        the compute backend of chunk scoring and the final pass's attention
 */
public record ScoreOptions(double alpha, int gates, long seed, double gateThreshold, double topP, int chunkBudget,
                           Set<ImportancePart> ablated, String tastes, TasteSource tasteSource, ScoringRule rule,
                           VectorSource vectors, Backend backend)
    implements Serializable {
  public ScoreOptions {
    Checks.inRange(alpha, 0, 1, "--alpha");
    Checks.inRange(gates, 0, 4096, "--gates");
    Checks.inRange(gateThreshold, -1, 1, "--gate-threshold");
    Checks.require(topP > 0 && topP <= 1, "--top-p must be in (0, 1]; found " + topP);
    Checks.positive(chunkBudget, "--chunk-budget");
    ablated = ablated == null || ablated.isEmpty() ? EnumSet.noneOf(ImportancePart.class) : EnumSet.copyOf(ablated);
    Checks.require(ablated.size() < ImportancePart.values().length, "--ablate cannot switch off every importance part");
    Checks.require(rule != null, "--rule is required");
    Checks.require(tasteSource != null, "--tastes is required");
    Checks.require(tastes == null || tasteSource == TasteSource.AUTO, "--dna FILE gives the tastes; --tastes random "
        + "asks for seeded random ones: give one or the other");
    Checks.require(vectors != null, "--vectors is required");
    Checks.require(backend != null, "--backend is required");
    // seed-l2 has no parts and no attention: accepting these would silently measure nothing, so they are rejected.
    Checks.require(rule != ScoringRule.SEED_L2 || ablated.isEmpty(), "--ablate switches off parts of --rule dna; "
        + "--rule seed-l2 scores by the raw vector norm alone, so there is nothing to ablate; found --ablate "
        + String.join(",", ablated.stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList()));
    Checks.require(rule != ScoringRule.SEED_L2 || vectors == VectorSource.STATIC, "--vectors contextual changes the "
        + "attention of --rule dna; --rule seed-l2 runs no attention; use --vectors static (the default)");
  }

  public boolean uses(ImportancePart part) {
    return !ablated.contains(part);
  }
}
