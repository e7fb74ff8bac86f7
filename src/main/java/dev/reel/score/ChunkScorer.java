package dev.reel.score;

import java.util.List;
import dev.reel.chunk.TokenChunk;

/** A compute backend that scores chunks. One per task; closing frees its native memory. */
public interface ChunkScorer extends AutoCloseable {
  /** The chunk's scores for each question, in the order given. */
  List<ChunkScores> score(TokenChunk chunk, List<QuestionDna> questions);

  @Override
  void close();
}
