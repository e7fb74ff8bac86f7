package dev.reel.gather;

import org.apache.spark.api.java.JavaRDD;
import dev.reel.score.ScoreSummary;

/**
 * Gather: the partitions' bounded heaps merged pairwise in a tree (never a collect of all candidates), leaving the
 * driver with at most {@link #capacity} tokens: the buffer.
 */
public final class GatherStage {
  /** Bytes one kept token costs in the buffer: its fp32 vector plus position, id, document, span and score. */
  public static long bytesPerToken(int dims) {
    return (long) dims * Float.BYTES + Long.BYTES + 5L * Integer.BYTES;
  }

  /** How many tokens a buffer of {@code bufferBytes} holds. */
  public static int capacity(long bufferBytes, int dims) {
    long capacity = bufferBytes / bytesPerToken(dims);
    if (capacity < 1) {
      throw new IllegalArgumentException("gather: --buffer-mb holds no token; one token needs "
          + bytesPerToken(dims) + " bytes");
    }
    return (int) Math.min(Integer.MAX_VALUE - 8, capacity);
  }

  private GatherStage() {}

  public static ScoreSummary run(JavaRDD<ScoreSummary> partitions) {
    return partitions.treeReduce(ScoreSummary::merge, 2);
  }
}
