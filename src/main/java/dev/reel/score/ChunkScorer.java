package dev.reel.score;

import dev.reel.chunk.TokenChunk;

/** A compute backend that scores chunks. One per task; closing frees its native memory. */
public interface ChunkScorer extends AutoCloseable {
  ChunkScores score(TokenChunk chunk);

  @Override
  void close();
}
