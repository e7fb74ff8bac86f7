package dev.reel.gather;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import dev.reel.score.Candidate;
import dev.reel.score.Promoter;

/**
 * The best {@code capacity} candidates seen so far. Candidates are taken into a list of up to twice the capacity;
 * when it fills, it is cut back to the best {@code capacity}, whose worst becomes the floor a newcomer must beat.
 * That costs a sort per {@code capacity} offers kept, against a heap's logarithmic work on every one (most of a
 * scoring pass's gather time with a heap, measured). Candidates rank by {@link Candidate#BEST_FIRST}, a total order
 * (positions are unique), so the kept set is the same in any order of offers and merges: the gather is deterministic
 * whatever the partitioning.
 */
public final class BoundedTopK implements Serializable, Promoter.Sink {
  private final int capacity;
  private final ArrayList<Candidate> kept;
  /** The worst candidate kept at the last cut; null before the first. Anything not better is refused. */
  private Candidate floor;

  public BoundedTopK(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive; found " + capacity);
    }
    this.capacity = capacity;
    this.kept = new ArrayList<>(Math.min(capacity, 1024));
  }

  @Override
  public void offer(Candidate candidate) {
    if (floor != null && Candidate.BEST_FIRST.compare(candidate, floor) >= 0) {
      return;
    }
    kept.add(candidate);
    if (kept.size() >= 2L * capacity) {
      cut();
    }
  }

  /** Whether {@link #offer} would take a candidate of this score and position (no object built). */
  @Override
  public boolean keeps(float score, long position) {
    return floor == null || Candidate.compareBestFirst(score, position, floor.score(), floor.position()) < 0;
  }

  public BoundedTopK merge(BoundedTopK other) {
    BoundedTopK small = other.kept.size() < kept.size() ? other : this;
    BoundedTopK large = small == this ? other : this;
    for (Candidate candidate : small.kept) {
      large.offer(candidate);
    }
    return large;
  }

  public int capacity() {
    return capacity;
  }

  public int size() {
    return Math.min(capacity, kept.size());
  }

  /** The kept candidates, best first. */
  public List<Candidate> best() {
    cut();
    return new ArrayList<>(kept);
  }

  /** Sorts best first and keeps the best {@code capacity}; once full, the worst of them is the floor. */
  private void cut() {
    kept.sort(Candidate.BEST_FIRST);
    if (kept.size() >= capacity) {
      kept.subList(capacity, kept.size()).clear();
      floor = kept.get(capacity - 1);
    }
  }
}
