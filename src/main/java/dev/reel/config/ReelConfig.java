package dev.reel.config;

import java.io.Serializable;

/**
 * Everything one reel job needs, built and validated by the CLI, passed down unchanged.
 *
 * @param ingest      input and its caps; null when asking over a prepared corpus
 * @param model       tokenizer, model and caches
 * @param chunk       chunking and the chunk store
 * @param score       scoring inside chunks
 * @param bufferBytes byte budget of the global buffer of kept tokens (the "VRAM budget")
 * @param question    the question to answer, or null for a plain reel
 * @param output      directory the outputs are written to
 * @param positions   RoPE positions of the final pass
 * @param hops        how many times to ask at most, each hop about what the previous one found; 0 lets the
 *                    question decide: up to {@link #FACT_HOPS} for a question about facts that chain, while the
 *                    chain names an entity not yet asked about, and once for any other question
 */
public record ReelConfig(IngestOptions ingest, ModelOptions model, ChunkOptions chunk, ScoreOptions score,
                         long bufferBytes, String question, String output, PositionPolicy positions,
                         int hops)
    implements Serializable {
  /** Hops a question about chained facts may take when --hops is left at 0: a 4-link variable chain needs 4. */
  public static final int FACT_HOPS = 5;

  public ReelConfig {
    Checks.require(model != null && chunk != null && score != null, "incomplete configuration");
    Checks.positive(bufferBytes, "--buffer-mb");
    Checks.require(output != null, "--output is required");
    Checks.require(question == null || !question.isBlank(), "--question must not be blank");
    Checks.require(positions != null, "--positions is required");
    Checks.inRange(hops, 0, 16, "--hops");
  }

  /** This configuration asking {@code question} in at most {@code hops} hops (0: as the question decides). */
  public ReelConfig asking(String question, int hops) {
    return new ReelConfig(ingest, model, chunk, score, bufferBytes, question, output, positions, hops);
  }

  public boolean hasQuestion() {
    return question != null;
  }
}
