package dev.reel.score;

import dev.reel.chunk.TokenChunk;
import dev.reel.model.TokenVectors;

/** --vectors static: each token's row looked up from the projected static table by its id. Holds nothing to free. */
final class StaticRows implements AttentionRows {
  private final TokenVectors attentionVectors;

  StaticRows(TokenVectors attentionVectors) {
    this.attentionVectors = attentionVectors;
  }

  @Override
  public void fill(TokenChunk chunk, float[] out) {
    attentionVectors.gather(chunk.ids(), chunk.length(), out);
  }

  @Override
  public void close() {}
}
