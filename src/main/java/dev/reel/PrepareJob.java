package dev.reel;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.reel.config.IngestOptions;
import dev.reel.config.ModelOptions;
import dev.reel.corpus.CorpusManifest;
import dev.reel.corpus.CorpusStore;
import dev.reel.corpus.Fingerprints;
import dev.reel.ingest.IngestStage.InputListing;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.JobWatch;
import dev.reel.metrics.StageClock;
import dev.reel.model.ModelFiles;
import dev.reel.write.OutputDir;
import dev.reel.write.ReelWriter;

/**
 * {@code jobs/reel prepare}: ingest, tokenize and place an archive once, into a corpus directory that any number of
 * {@code ask} runs read ({@link CorpusStore}).
 */
public final class PrepareJob {
  private static final Logger LOG = LoggerFactory.getLogger(PrepareJob.class);
  private final IngestOptions ingest;
  private final ModelOptions model;
  private final String corpusUri;

  /** @param corpusUri the corpus directory to write, on any Hadoop file system */
  public PrepareJob(IngestOptions ingest, ModelOptions model, String corpusUri) {
    this.ingest = ingest;
    this.model = model;
    this.corpusUri = corpusUri;
  }

  public JobMetrics run(SparkSession session) throws IOException {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    try (JobWatch watch = JobWatch.start(session.sparkContext())) {
      OutputDir dir = ReelJob.openOutput(corpusUri, session);
      ReelWriter writer = new ReelWriter(dir);
      JobMetrics metrics = new JobMetrics();
      ModelFiles files = new ModelFiles(model);
      byte[] tokenizerJson = files.tokenizerJson();
      CorpusBuilder.Built built = new CorpusBuilder(ingest, watch.tokenized())
          .build(spark, session, writer, tokenizerJson, metrics);
      long tokens = built.corpus().tokenCount();
      StageClock clock = StageClock.start("write", dir.toString());
      CorpusManifest manifest = new CorpusManifest(CorpusManifest.FORMAT, Instant.now().toString(),
          ingest.input(), Fingerprints.tokenizer(files.tokenizerName(), tokenizerJson),
          Fingerprints.model(files), new CorpusManifest.Counts(built.documentsSeen(),
              built.corpus().documentCount(), built.documentsRejected(), tokens),
          inputFiles(built.listing(), session.sparkContext().hadoopConfiguration()));
      CorpusStore.write(session, built.corpus(), manifest, dir);
      clock.stop(metrics, tokens, "documents.parquet, manifest.json");
      double seconds = watch.finish(metrics, tokens);
      writer.metrics(metrics);
      dir.success();
      built.release();
      LOG.info("prepare: {} tokens of {} documents ({} rejected) in {} s; corpus in {}", tokens,
          built.corpus().documentCount(), built.documentsRejected(), String.format("%.1f", seconds), dir);
      return metrics;
    }
  }

  /** Every input file with its size, modification time and the file system's checksum where it keeps one. */
  private static List<CorpusManifest.InputFile> inputFiles(InputListing listing, Configuration hadoop)
      throws IOException {
    List<CorpusManifest.InputFile> files = new ArrayList<>(listing.files().size());
    for (int f = 0; f < listing.files().size(); f++) {
      Path path = new Path(listing.files().get(f));
      FileSystem fs = path.getFileSystem(hadoop);
      FileChecksum checksum = fs.getFileChecksum(path);
      files.add(new CorpusManifest.InputFile(listing.files().get(f), listing.bytes().get(f),
          listing.modified().get(f), checksum == null ? null : checksum.toString()));
    }
    return files;
  }
}
