package dev.reel.score;

import java.io.Serializable;
import java.util.Comparator;

/** A token promoted by its chunk: where it is, what it is, and why it scored. */
public record Candidate(long position, float score, int docIndex, int tokenId, int charStart, int charEnd,
                        int gate, float gravity, float attention, float relevance) implements Serializable {
  /** Best first: higher score, then lower position, so ties never depend on partitioning. */
  public static final Comparator<Candidate> BEST_FIRST = new BestFirst();

  /** A named class rather than a lambda: heaps holding it travel between Spark tasks. */
  private static final class BestFirst implements Comparator<Candidate>, Serializable {
    @Override
    public int compare(Candidate a, Candidate b) {
      return compareBestFirst(a.score, a.position, b.score, b.position);
    }
  }

  /** {@link #BEST_FIRST} on a score and position, for a candidate not built yet: higher score, then lower position. */
  public static int compareBestFirst(float scoreA, long positionA, float scoreB, long positionB) {
    int byScore = Float.compare(scoreB, scoreA);
    return byScore != 0 ? byScore : Long.compare(positionA, positionB);
  }
}
