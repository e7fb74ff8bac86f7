package dev.reel.config;

import java.io.Serializable;

/**
 * Everything one reel job needs, built and validated by the CLI, passed down unchanged.
 *
 * @param ingest      input and its caps
 * @param model       tokenizer, model and caches
 * @param chunk       chunking and the chunk store
 * @param score       scoring inside chunks
 * @param bufferBytes byte budget of the global buffer of kept tokens (the "VRAM budget")
 * @param question    the question to answer, or null for a plain reel
 * @param output      directory the outputs are written to
 * @param positions   RoPE positions of the final pass
 * @param hops        how many times to ask: each hop asks about what the previous one found
 */
public record ReelConfig(IngestOptions ingest, ModelOptions model, ChunkOptions chunk, ScoreOptions score,
                         long bufferBytes, String question, String output, PositionPolicy positions,
                         int hops)
    implements Serializable {
  public ReelConfig {
    Checks.require(ingest != null && model != null && chunk != null && score != null, "incomplete configuration");
    Checks.positive(bufferBytes, "--buffer-mb");
    Checks.require(output != null, "--output is required");
    Checks.require(question == null || !question.isBlank(), "--question must not be blank");
    Checks.require(positions != null, "--positions is required");
    Checks.inRange(hops, 1, 16, "--hops");
  }

  public boolean hasQuestion() {
    return question != null;
  }
}
