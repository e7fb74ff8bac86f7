package dev.reel.gather;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import dev.reel.score.Candidate;

/**
 * The best {@code capacity} candidates seen so far, in a heap whose root is the worst kept one. Merging two heaps
 * gives the same result in any order, so the gather is deterministic whatever the partitioning.
 */
public final class BoundedTopK implements Serializable {
  private final int capacity;
  private final PriorityQueue<Candidate> heap;

  public BoundedTopK(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive; found " + capacity);
    }
    this.capacity = capacity;
    this.heap = new PriorityQueue<>(Math.min(capacity, 1024) + 1, new WorstFirst());
  }

  /** The heap's order: the worst kept candidate at the root. */
  private static final class WorstFirst implements Comparator<Candidate>, Serializable {
    @Override
    public int compare(Candidate a, Candidate b) {
      return Candidate.BEST_FIRST.compare(b, a);
    }
  }

  public void offer(Candidate candidate) {
    if (heap.size() < capacity) {
      heap.add(candidate);
    } else if (Candidate.BEST_FIRST.compare(candidate, heap.peek()) < 0) {
      heap.poll();
      heap.add(candidate);
    }
  }

  /** Whether {@link #offer} would keep a candidate of this score and position (the heap's order, no object built). */
  public boolean keeps(float score, long position) {
    if (heap.size() < capacity) {
      return true;
    }
    Candidate worst = heap.peek();
    return Candidate.compareBestFirst(score, position, worst.score(), worst.position()) < 0;
  }

  public BoundedTopK merge(BoundedTopK other) {
    BoundedTopK small = heap.size() < other.heap.size() ? this : other;
    BoundedTopK large = small == this ? other : this;
    for (Candidate candidate : small.heap) {
      large.offer(candidate);
    }
    return large;
  }

  public int capacity() {
    return capacity;
  }

  public int size() {
    return heap.size();
  }

  /** The kept candidates, best first. */
  public List<Candidate> best() {
    List<Candidate> sorted = new ArrayList<>(heap);
    sorted.sort(Candidate.BEST_FIRST);
    return sorted;
  }
}
