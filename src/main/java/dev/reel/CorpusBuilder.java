package dev.reel;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
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
   * read from and the documents seen and rejected.
   */
  record Built(JavaRDD<IngestRecord> records, PlacedCorpus corpus, IngestStage.InputListing listing,
               long documentsSeen, long documentsRejected) {
    void release() {
      corpus.release();
      records.unpersist();
    }
  }

  Built build(JavaSparkContext spark, SparkSession session, ReelWriter writer, byte[] tokenizerJson,
              JobMetrics metrics) throws IOException {
    IngestStage ingest = new IngestStage(options);
    IngestStage.InputListing listing;
    try {
      listing = ingest.listFiles(session.sparkContext().hadoopConfiguration());
    } catch (FileNotFoundException e) {
      throw ReelException.inputMissing(options.input(), e);
    }
    long[] counts = new long[2];
    JavaRDD<IngestRecord> records = ingest(spark, ingest, listing, writer, metrics, counts);
    return new Built(records, tokenize(spark, records, tokenizerJson, metrics), listing, counts[0], counts[1]);
  }

  private JavaRDD<IngestRecord> ingest(JavaSparkContext spark, IngestStage ingest, IngestStage.InputListing listing,
                                       ReelWriter writer, JobMetrics metrics, long[] seenAndRejected)
      throws IOException {
    StageClock clock = StageClock.start("ingest", listing.files().size() + " files");
    spark.setJobDescription("reel ingest: read and parse " + listing.files().size() + " files");
    JavaRDD<IngestRecord> records = ingest.run(spark, listing, spark.defaultParallelism() * 4)
        .persist(StorageLevel.DISK_ONLY());
    long[] counts = records.aggregate(new long[2],
        (acc, r) -> { acc[r.isReject() ? 1 : 0]++; return acc; },
        (a, b) -> { a[0] += b[0]; a[1] += b[1]; return a; });
    long rejected = writer.rejects(records.filter(IngestRecord::isReject).toLocalIterator());
    metrics.put("files", listing.files().size());
    metrics.put("files_hidden_skipped", listing.hiddenSkipped());
    metrics.put("documents_seen", counts[0] + counts[1]);
    metrics.put("documents_processed", counts[0]);
    metrics.put("documents_rejected", rejected);
    seenAndRejected[0] = counts[0] + counts[1];
    seenAndRejected[1] = rejected;
    clock.stop(metrics, 0, counts[0] + " documents, " + rejected + " rejected");
    if (counts[0] == 0) {
      throw ReelException.emptyCorpus(options.input(), listing.files().size(), rejected);
    }
    return records;
  }

  private PlacedCorpus tokenize(JavaSparkContext spark, JavaRDD<IngestRecord> records, byte[] tokenizerJson,
                                JobMetrics metrics) {
    StageClock clock = StageClock.start("tokenize", "documents to tokens and global positions");
    spark.setJobDescription("reel tokenize: tokens, character spans and global positions");
    Broadcast<byte[]> tokenizer = spark.broadcast(tokenizerJson);
    PlacedCorpus corpus = PositionStage.run(spark, TokenizeStage.run(
        PositionStage.order(records.filter(r -> !r.isReject())), tokenizer, tokenized));
    clock.stop(metrics, corpus.tokenCount(), corpus.tokenCount() + " tokens");
    if (corpus.tokenCount() == 0) {
      throw ReelException.noTokens(options.input());
    }
    metrics.put("tokens", corpus.tokenCount());
    return corpus;
  }
}
