package dev.reel;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;
import dev.reel.config.IngestOptions;
import dev.reel.ingest.IngestRecord;
import dev.reel.ingest.IngestStage;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.StageClock;
import dev.reel.tokenize.PositionStage;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.TokenizeStage;
import dev.reel.write.ReelWriter;

/**
 * Ingest, tokenize and place an archive: the corpus every question is asked over. Rejected documents go to
 * rejects.json with their reasons; documents seen = processed + rejected is recorded in the metrics.
 */
final class CorpusBuilder {
  private final IngestOptions options;
  private final LongAccumulator tokenized;

  /** {@code tokenized} counts documents tokenized over the whole job (twice would mean a recomputed stage). */
  CorpusBuilder(IngestOptions options, LongAccumulator tokenized) {
    this.options = options;
    this.tokenized = tokenized;
  }

  /**
   * The placed corpus, the ingest records it came from (persisted; the caller releases both), the files they were
   * read from and, per file, its documents and rejects ({@code [processed, rejected]}).
   */
  record Built(JavaRDD<IngestRecord> records, PlacedCorpus corpus, IngestStage.InputListing listing,
               Map<String, long[]> perFile) {
    long documentsRejected() {
      return perFile.values().stream().mapToLong(counts -> counts[1]).sum();
    }

    void release() {
      corpus.release();
      records.unpersist();
    }
  }

  Built build(JavaSparkContext spark, SparkSession session, ReelWriter writer, byte[] tokenizerJson,
              JobMetrics metrics) throws IOException {
    return build(spark, session, writer, "rejects.json", tokenizerJson, metrics, list(session), 0, 0);
  }

  /** The input's files; a missing input is the user's error. */
  IngestStage.InputListing list(SparkSession session) throws IOException {
    try {
      return new IngestStage(options).listFiles(session.sparkContext().hadoopConfiguration());
    } catch (FileNotFoundException e) {
      throw ReelException.inputMissing(options.input(), e);
    }
  }

  /**
   * Reads the files of {@code listing} into documents whose indexes start at {@code firstDocument} and positions at
   * {@code firstPosition} (after a corpus already placed, or 0); their rejects go to {@code rejectsName}.
   */
  Built build(JavaSparkContext spark, SparkSession session, ReelWriter writer, String rejectsName,
              byte[] tokenizerJson, JobMetrics metrics, IngestStage.InputListing listing, long firstDocument,
              long firstPosition) throws IOException {
    Map<String, long[]> perFile = new TreeMap<>();
    JavaRDD<IngestRecord> records = ingest(spark, new IngestStage(options), listing, writer, rejectsName, metrics,
        perFile);
    PlacedCorpus corpus = tokenize(spark, records, tokenizerJson, metrics, firstDocument, firstPosition);
    return new Built(records, corpus, listing, perFile);
  }

  private JavaRDD<IngestRecord> ingest(JavaSparkContext spark, IngestStage ingest, IngestStage.InputListing listing,
                                       ReelWriter writer, String rejectsName, JobMetrics metrics,
                                       Map<String, long[]> seenAndRejected)
      throws IOException {
    StageClock clock = StageClock.start("ingest", listing.files().size() + " files");
    spark.setJobDescription("reel ingest: read and parse " + listing.files().size() + " files");
    JavaRDD<IngestRecord> records = ingest.run(spark, listing, spark.defaultParallelism() * 4)
        .persist(StorageLevel.DISK_ONLY());
    Map<String, long[]> perFile = new TreeMap<>(records
        .mapToPair(r -> new Tuple2<>(r.source(), r.isReject() ? new long[] {0, 1} : new long[] {1, 0}))
        .reduceByKey((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]})
        .collectAsMap());
    long[] counts = new long[2];
    for (long[] file : perFile.values()) {
      counts[0] += file[0];
      counts[1] += file[1];
    }
    long rejected = writer.rejects(rejectsName, records.filter(IngestRecord::isReject).toLocalIterator());
    metrics.put("files", listing.files().size());
    metrics.put("files_hidden_skipped", listing.hiddenSkipped());
    metrics.put("documents_seen", counts[0] + counts[1]);
    metrics.put("documents_processed", counts[0]);
    metrics.put("documents_rejected", rejected);
    seenAndRejected.putAll(perFile);
    clock.stop(metrics, 0, counts[0] + " documents, " + rejected + " rejected");
    if (counts[0] == 0) {
      throw ReelException.emptyCorpus(options.input(), listing.files().size(), rejected);
    }
    return records;
  }

  /**
   * The records' documents (rejects left out) in corpus order, tokenized and placed from {@code firstDocument} and
   * {@code firstPosition}: ordered before tokenizing, so the sort moves text, not token arrays (see
   * {@link PositionStage#order}). {@code tokenized} counts the documents tokenized.
   */
  static PlacedCorpus place(JavaSparkContext spark, JavaRDD<IngestRecord> records, byte[] tokenizerJson,
                            LongAccumulator tokenized, long firstDocument, long firstPosition) {
    Broadcast<byte[]> tokenizer = spark.broadcast(tokenizerJson);
    return PositionStage.run(spark, TokenizeStage.run(PositionStage.order(records.filter(r -> !r.isReject())),
        tokenizer, tokenized), firstDocument, firstPosition);
  }

  private PlacedCorpus tokenize(JavaSparkContext spark, JavaRDD<IngestRecord> records, byte[] tokenizerJson,
                                JobMetrics metrics, long firstDocument, long firstPosition) {
    StageClock clock = StageClock.start("tokenize", "documents to tokens and global positions");
    spark.setJobDescription("reel tokenize: tokens, character spans and global positions");
    PlacedCorpus corpus = place(spark, records, tokenizerJson, tokenized, firstDocument, firstPosition);
    clock.stop(metrics, corpus.tokenCount(), corpus.tokenCount() + " tokens");
    if (corpus.tokenCount() == 0) {
      throw ReelException.noTokens(options.input());
    }
    metrics.put("tokens", corpus.tokenCount());
    return corpus;
  }
}
