package dev.reel.tokenize;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import dev.reel.ingest.IngestRecord;

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

  /**
   * The placed documents and the corpus totals. {@code documents} is a cheap per-document map over the tokenized
   * documents, which are persisted once; the chunk stage of every pass reads it. {@code texts} are the same documents
   * without their tokens, kept in executor memory (spilling to disk) from the first reason stage on: every question's
   * reason stage cuts its passages from them, and reading the tokens back from disk for that cost a second a
   * question at 12 M tokens. {@link #release} frees both.
   */
  public record PlacedCorpus(JavaRDD<TokenizedDoc> documents, JavaRDD<TokenizedDoc> tokenized,
                             JavaRDD<TokenizedDoc> texts, long documentCount, long tokenCount) {
    public static PlacedCorpus of(JavaRDD<TokenizedDoc> documents, JavaRDD<TokenizedDoc> tokenized,
                                  long documentCount, long tokenCount) {
      JavaRDD<TokenizedDoc> texts = documents.map(TokenizedDoc::withoutTokens).persist(StorageLevel.MEMORY_AND_DISK());
      return new PlacedCorpus(documents, tokenized, texts, documentCount, tokenCount);
    }

    public void release() {
      texts.unpersist();
      tokenized.unpersist();
    }
  }

  /**
   * The documents in corpus order (source path, then reading order), range-partitioned. Sorting the ingest records,
   * before tokenizing, means the sort's sampling pass reads persisted records rather than tokenizing the corpus a
   * second time, and the shuffle moves text without token arrays.
   */
  public static JavaRDD<IngestRecord> order(JavaRDD<IngestRecord> documents) {
    return documents.mapToPair(doc -> new Tuple2<>(new DocKey(doc.source(), doc.ordinal()), doc))
        .sortByKey()
        .values();
  }

  /**
   * Places documents already in corpus order ({@link #order}, then tokenized partition by partition): the per-partition
   * totals are counted once (which persists {@code tokenized}), then every token gets its global position.
   */
  public static PlacedCorpus run(JavaSparkContext spark, JavaRDD<TokenizedDoc> tokenized) {
    return run(spark, tokenized, 0, 0);
  }

  /**
   * The same, the first document getting index {@code firstDocument} and its first token position
   * {@code firstPosition}: documents appended after a corpus already placed. The counts are of these documents.
   */
  public static PlacedCorpus run(JavaSparkContext spark, JavaRDD<TokenizedDoc> tokenized, long firstDocument,
                                 long firstPosition) {
    JavaRDD<TokenizedDoc> stored = tokenized.persist(StorageLevel.DISK_ONLY());
    List<long[]> totals = stored.mapPartitionsWithIndex((partition, docs) -> {
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
      starts[(int) total[0]] = new long[] {firstDocument + documents, firstPosition + tokens};
      documents += total[1];
      tokens += total[2];
    }
    Broadcast<long[][]> offsets = spark.broadcast(starts);
    JavaRDD<TokenizedDoc> placed = stored.mapPartitionsWithIndex(
        (partition, docs) -> place(docs, offsets.value()[partition]), true);
    return PlacedCorpus.of(placed, stored, documents, tokens);
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
