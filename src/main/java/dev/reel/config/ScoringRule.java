package dev.reel.config;

/** What a token's importance inside its chunk is (--rule); promotion, gather and the reason stage are the same. */
public enum ScoringRule {
  /** DNA gravity + attention received + question relevance (see {@link ImportancePart}, --ablate). */
  DNA("dna"),
  /**
   * The original system's rule, kept as the baseline we benchmark against: the L2 norm of the token's raw static
   * embedding (the model's output for {@code [CLS] token [SEP]}, before centring), nothing else.
   */
  SEED_L2("seed-l2");

  private final String label;

  ScoringRule(String label) {
    this.label = label;
  }

  /** The command-line spelling; picocli matches option values against it, metrics.json records it. */
  @Override
  public String toString() {
    return label;
  }
}
