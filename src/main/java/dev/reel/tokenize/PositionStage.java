package dev.reel.tokenize;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Position: documents in a stable order (source path, then reading order), per-partition token totals and prefix
 * sums, so every token gets the same global int64 position whatever the partitioning: the corpus is one long context.
 */
public final class PositionStage {
  private PositionStage() {}

  /** Sort key of a document; Comparable and Serializable so Spark can range-partition on it. */
  record DocKey(String source, long ordinal) implements Comparable<DocKey>, Serializable {
    @Override
    public int compareTo(DocKey other) {
      return TokenizedDoc.compareKeys(source, ordinal, other.source, other.ordinal);
    }
  }

  /** The placed documents (persisted: the chunk and reason stages both read them) and the corpus totals. */
  public record PlacedCorpus(JavaRDD<TokenizedDoc> documents, long documentCount, long tokenCount) {}

  public static PlacedCorpus run(JavaSparkContext spark, JavaRDD<TokenizedDoc> tokenized) {
    JavaRDD<TokenizedDoc> sorted = tokenized
        .mapToPair(doc -> new Tuple2<>(new DocKey(doc.source(), doc.ordinal()), doc))
        .sortByKey()
        .values(); // read twice below; the second read reuses the sort's shuffle output
    List<long[]> totals = sorted.mapPartitionsWithIndex((partition, docs) -> {
      long documents = 0;
      long tokens = 0;
      while (docs.hasNext()) {
        documents++;
        tokens += docs.next().tokenCount();
      }
      return List.of(new long[] {partition, documents, tokens}).iterator();
    }, true).collect();
    long[][] starts = new long[totals.size()][2];
    long documents = 0;
    long tokens = 0;
    for (long[] total : totals.stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList()) {
      starts[(int) total[0]] = new long[] {documents, tokens};
      documents += total[1];
      tokens += total[2];
    }
    Broadcast<long[][]> offsets = spark.broadcast(starts);
    JavaRDD<TokenizedDoc> placed = sorted.mapPartitionsWithIndex(
        (partition, docs) -> place(docs, offsets.value()[partition]), true);
    return new PlacedCorpus(placed.persist(StorageLevel.DISK_ONLY()), documents, tokens);
  }

  private static Iterator<TokenizedDoc> place(Iterator<TokenizedDoc> docs, long[] start) {
    long[] next = start.clone();
    return new MappingIterator<>(docs, doc -> {
      TokenizedDoc placed = doc.placed(Math.toIntExact(next[0]), next[1]);
      next[0]++;
      next[1] += doc.tokenCount();
      return placed;
    });
  }
}
