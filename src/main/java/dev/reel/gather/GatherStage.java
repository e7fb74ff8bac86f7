package dev.reel.gather;

import java.util.ArrayList;
import java.util.List;
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

  /** Each question's summaries merged over the partitions: one buffer per question, in the pass's order. */
  public static List<ScoreSummary> run(JavaRDD<List<ScoreSummary>> partitions) {
    return partitions.treeReduce(GatherStage::merge, 2);
  }

  private static List<ScoreSummary> merge(List<ScoreSummary> a, List<ScoreSummary> b) {
    List<ScoreSummary> merged = new ArrayList<>(a.size());
    for (int q = 0; q < a.size(); q++) {
      merged.add(a.get(q).merge(b.get(q)));
    }
    return merged;
  }
}
