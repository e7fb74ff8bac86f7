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

  /**
   * Scores a batch and promotes each chunk's tokens for each question with {@code promoter}: by default on the host,
   * from {@link #scoreAll}'s scores; a device does it where it scored, and sends back only what was promoted.
   */
  default Promotions promoteAll(List<TokenChunk> chunks, List<QuestionDna> questions, Promoter promoter) {
    List<List<ChunkScores>> scores = scoreAll(chunks, questions);
    long[][] caught = new long[questions.size()][];
    for (int q = 0; q < questions.size(); q++) {
      caught[q] = new long[questions.get(q).gates().count()];
    }
    List<List<ChunkPromotion>> promoted = new ArrayList<>(chunks.size());
    for (int c = 0; c < chunks.size(); c++) {
      List<ChunkPromotion> perQuestion = new ArrayList<>(questions.size());
      for (int q = 0; q < questions.size(); q++) {
        ChunkScores chunkScores = scores.get(c).get(q);
        for (int gate : chunkScores.gate()) {
          if (gate >= 0) {
            caught[q][gate]++;
          }
        }
        perQuestion.add(promoter.select(chunkScores, chunks.get(c).length()));
      }
      promoted.add(perQuestion);
    }
    return new Promotions(promoted, caught);
  }

  @Override
  void close();
}
