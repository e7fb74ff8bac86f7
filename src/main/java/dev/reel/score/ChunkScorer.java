package dev.reel.score;

import java.util.ArrayList;
import java.util.List;
import dev.reel.chunk.TokenChunk;

/** A compute backend that scores chunks. One per task; closing frees its native memory. */
public interface ChunkScorer extends AutoCloseable {
  /** The chunk's scores for each question, in the order given. */
  List<ChunkScores> score(TokenChunk chunk, List<QuestionDna> questions);

  /** How many chunks it takes at once ({@link #scoreAll}) for this many questions: 1 unless a device wants batches. */
  default int batchChunks(int questions) {
    return 1;
  }

  /** Each chunk's scores for each question, in the orders given; the same scores as one chunk at a time. */
  default List<List<ChunkScores>> scoreAll(List<TokenChunk> chunks, List<QuestionDna> questions) {
    List<List<ChunkScores>> scores = new ArrayList<>(chunks.size());
    for (TokenChunk chunk : chunks) {
      scores.add(score(chunk, questions));
    }
    return scores;
  }

  @Override
  void close();
}
