package dev.reel.score;

import dev.reel.chunk.TokenChunk;

/**
 * Where a chunk's attention vectors come from (--vectors): unit rows in the attention space, before RoPE. One per
 * scorer; not thread-safe; closing frees what it holds.
 */
public interface AttentionRows extends AutoCloseable {
  /** Fills {@code out} ({@code [chunk length][attention dims]}) with the rows of the chunk's tokens. */
  void fill(TokenChunk chunk, float[] out);

  @Override
  void close();

  /** The rows the scoring options ask for; the caller closes them. */
  static AttentionRows open(ScoringModel model) {
    return switch (model.options().vectors()) {
      case STATIC -> new StaticRows(model.attentionVectors());
      case CONTEXTUAL -> new ContextualRows(model.contextual(), model.chunkTokens());
    };
  }
}
