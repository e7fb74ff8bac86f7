package dev.reel.tokenize;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;

/**
 * How often each vocabulary entry occurs in the corpus, counted in parallel and summed in a tree. Used to tell a
 * question's informative tokens ("pass", "key") from word pieces that occur everywhere ("##e", "##s").
 */
public final class TokenFrequencies implements Serializable {
  private final long[] counts;
  private final long total;

  private TokenFrequencies(long[] counts, long total) {
    this.counts = counts;
    this.total = total;
  }

  public static TokenFrequencies count(JavaRDD<TokenizedDoc> documents, int vocabulary) {
    long[] counts = documents.mapPartitions(docs -> {
      long[] partial = new long[vocabulary];
      while (docs.hasNext()) {
        for (int id : docs.next().ids()) {
          if (id >= 0 && id < vocabulary) {
            partial[id]++;
          }
        }
      }
      return java.util.List.of(partial).iterator();
    }).treeReduce((a, b) -> {
      for (int i = 0; i < a.length; i++) {
        a[i] += b[i];
      }
      return a;
    }, 2);
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return new TokenFrequencies(counts, total);
  }

  /**
   * Rarity in [0, 1]: {@code -log(frequency) / log(total)}, 1 for a token seen once (or never), near 0 for a token
   * that makes up much of the corpus.
   */
  public double rarity(int id) {
    if (total < 2) {
      return 1;
    }
    long count = id >= 0 && id < counts.length ? counts[id] : 0;
    double frequency = Math.max(1, count) / (double) total;
    return Math.min(1, -Math.log(frequency) / Math.log(total));
  }
}
