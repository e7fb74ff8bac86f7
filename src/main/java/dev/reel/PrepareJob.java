package dev.reel;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
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
import dev.reel.tokenize.PositionStage;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.TokenizedDoc;
import dev.reel.write.OutputDir;
import dev.reel.write.ReelWriter;

/**
 * {@code jobs/reel prepare}: ingest, tokenize and place an archive once, into a corpus directory that any number of
 * {@code ask} runs read ({@link CorpusStore}). With {@code --append}, only the files new or changed since the
 * manifest are read: new documents are placed after the corpus (positions continue after its last token), a changed
 * file's documents are replaced and a deleted file's dropped (the documents after them then move up).
 */
public final class PrepareJob {
  private static final Logger LOG = LoggerFactory.getLogger(PrepareJob.class);
  private final IngestOptions ingest;
  private final ModelOptions model;
  private final String corpusUri;
  private final boolean append;

  /**
   * @param corpusUri the corpus directory to write, on any Hadoop file system
   * @param append    read only what changed since the corpus there was prepared (a fresh prepare when none is)
   */
  public PrepareJob(IngestOptions ingest, ModelOptions model, String corpusUri, boolean append) {
    this.ingest = ingest;
    this.model = model;
    this.corpusUri = corpusUri;
    this.append = append;
  }

  public JobMetrics run(SparkSession session) throws IOException {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    try (JobWatch watch = JobWatch.start(session.sparkContext())) {
      CorpusManifest previous = append ? previous(session) : null;
      OutputDir dir = ReelJob.openOutput(corpusUri, session);
      JobMetrics metrics = new JobMetrics();
      ModelFiles files = new ModelFiles(model);
      byte[] tokenizerJson = files.tokenizerJson();
      CorpusManifest.Fingerprint tokenizer = Fingerprints.tokenizer(files.tokenizerName(), tokenizerJson);
      if (previous != null && !previous.tokenizer().sha256().equals(tokenizer.sha256())) {
        throw ReelException.foreignCorpus("prepare", corpusUri, "tokenizer", previous.tokenizer().describe(),
            tokenizer.describe());
      }
      CorpusBuilder builder = new CorpusBuilder(ingest, watch.tokenized());
      InputListing listing = builder.list(session);
      CorpusManifest manifest = previous == null
          ? fresh(spark, session, builder, dir, listing, tokenizerJson, tokenizer, files, metrics)
          : appended(spark, session, builder, dir, listing, previous, tokenizerJson, metrics);
      metrics.put("files_read", manifest.appended() == null ? listing.files().size()
          : manifest.appended().filesRead());
      double seconds = watch.finish(metrics, manifest.counts().tokens());
      new ReelWriter(dir).metrics(metrics);
      dir.success();
      LOG.info("prepare: {} tokens of {} documents ({} rejected) in {} s; corpus in {}", manifest.counts().tokens(),
          manifest.counts().documentsProcessed(), manifest.counts().documentsRejected(),
          String.format("%.1f", seconds), dir);
      return metrics;
    }
  }

  /** The manifest of the corpus to append to, or null when there is none yet (the append prepares it). */
  private CorpusManifest previous(SparkSession session) {
    try {
      return CorpusStore.manifest(corpusUri, session.sparkContext().hadoopConfiguration());
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw ReelException.corpusUnusable("prepare", corpusUri, e);
    }
  }

  private CorpusManifest fresh(JavaSparkContext spark, SparkSession session, CorpusBuilder builder, OutputDir dir,
                               InputListing listing, byte[] tokenizerJson, CorpusManifest.Fingerprint tokenizer,
                               ModelFiles files, JobMetrics metrics) throws IOException {
    CorpusBuilder.Built built = builder.build(spark, session, new ReelWriter(dir), "rejects.json", tokenizerJson,
        metrics, listing, 0, 0);
    StageClock clock = StageClock.start("write", dir.toString());
    List<CorpusManifest.InputFile> inputs = inputFiles(listing, built.perFile(), Map.of(),
        session.sparkContext().hadoopConfiguration());
    CorpusManifest manifest = manifest(tokenizer, Fingerprints.model(files), inputs, built.corpus().tokenCount(),
        null);
    CorpusStore.write(session, built.corpus(), manifest, dir);
    clock.stop(metrics, built.corpus().tokenCount(), "documents.parquet, manifest.json");
    built.release();
    return manifest;
  }

  /**
   * Reads the new and changed files only. Nothing dropped: their documents are added after the corpus. Something
   * dropped: the documents kept are placed again in their order, then the new ones, and the whole corpus rewritten.
   */
  private CorpusManifest appended(JavaSparkContext spark, SparkSession session, CorpusBuilder builder,
                                  OutputDir dir, InputListing listing, CorpusManifest previous, byte[] tokenizerJson,
                                  JobMetrics metrics) throws IOException {
    CorpusManifest.Appended changes = changes(previous, listing);
    Set<String> dropped = new HashSet<>(changes.changed());
    dropped.addAll(changes.deleted());
    Set<String> toRead = new HashSet<>(changes.added());
    toRead.addAll(changes.changed());
    PlacedCorpus old = CorpusStore.read(session, corpusUri, previous);
    PlacedCorpus kept = old;
    if (changes.dropsAny()) {
      JavaRDD<TokenizedDoc> remaining = old.documents().filter(doc -> !dropped.contains(doc.source()))
          .sortBy(TokenizedDoc::docIndex, true, Math.max(1, old.documents().getNumPartitions()));
      kept = PositionStage.run(spark, remaining);
    }
    Map<String, long[]> perFile = Map.of();
    PlacedCorpus added = null;
    CorpusBuilder.Built built = null;
    if (!toRead.isEmpty()) {
      built = builder.build(spark, session, new ReelWriter(dir), "rejects-" + Instant.now().toEpochMilli()
          + ".json", tokenizerJson, metrics, listing.only(toRead::contains), kept.documentCount(),
          kept.tokenCount());
      perFile = built.perFile();
      added = built.corpus();
    }
    Map<String, CorpusManifest.InputFile> before = byPath(previous);
    before.keySet().removeAll(toRead);
    List<CorpusManifest.InputFile> inputs = inputFiles(listing, perFile, before,
        session.sparkContext().hadoopConfiguration());
    long tokens = kept.tokenCount() + (added == null ? 0 : added.tokenCount());
    CorpusManifest manifest = manifest(previous.tokenizer(), previous.model(), inputs, tokens, changes);
    StageClock clock = StageClock.start("write", dir.toString());
    if (changes.dropsAny()) {
      CorpusStore.replace(session, added == null ? kept.documents() : kept.documents().union(added.documents()),
          manifest, dir);
    } else if (added != null) {
      CorpusStore.append(session, added.documents(), manifest, dir);
    }
    clock.stop(metrics, tokens, "documents.parquet, manifest.json");
    if (built != null) {
      built.release();
    }
    old.release();
    kept.release();
    return manifest;
  }

  /** Files added, changed and deleted since {@code previous}, by path, size, modification time and checksum. */
  static CorpusManifest.Appended changes(CorpusManifest previous, InputListing listing) {
    Map<String, CorpusManifest.InputFile> before = byPath(previous);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (int f = 0; f < listing.files().size(); f++) {
      String path = listing.files().get(f);
      CorpusManifest.InputFile was = before.remove(path);
      CorpusManifest.InputFile now = new CorpusManifest.InputFile(path, listing.bytes().get(f),
          listing.modified().get(f), null, 0, 0);
      if (was == null) {
        added.add(path);
      } else if (was.differsFrom(now)) {
        changed.add(path);
      }
    }
    List<String> deleted = new ArrayList<>(new TreeSet<>(before.keySet()));
    return new CorpusManifest.Appended(added, changed, deleted, added.size() + changed.size());
  }

  /** The manifest's files by path. */
  private static Map<String, CorpusManifest.InputFile> byPath(CorpusManifest manifest) {
    Map<String, CorpusManifest.InputFile> files = new HashMap<>();
    manifest.files().forEach(file -> files.put(file.path(), file));
    return files;
  }

  private CorpusManifest manifest(CorpusManifest.Fingerprint tokenizer, CorpusManifest.Fingerprint modelPrint,
                                  List<CorpusManifest.InputFile> inputs, long tokens,
                                  CorpusManifest.Appended appended) {
    long documents = inputs.stream().mapToLong(CorpusManifest.InputFile::documents).sum();
    long rejected = inputs.stream().mapToLong(CorpusManifest.InputFile::rejected).sum();
    return new CorpusManifest(CorpusManifest.FORMAT, Instant.now().toString(), ingest.input(), tokenizer, modelPrint,
        new CorpusManifest.Counts(documents + rejected, documents, rejected, tokens), inputs, appended);
  }

  /**
   * Every listed file with its size, modification time, the file system's checksum where it keeps one, and its
   * counts: from this run's reading ({@code read}) or, for a file not read again, as {@code kept} recorded them.
   */
  private static List<CorpusManifest.InputFile> inputFiles(InputListing listing, Map<String, long[]> read,
                                                           Map<String, CorpusManifest.InputFile> kept,
                                                           Configuration hadoop) throws IOException {
    List<CorpusManifest.InputFile> files = new ArrayList<>(listing.files().size());
    for (int f = 0; f < listing.files().size(); f++) {
      String path = listing.files().get(f);
      CorpusManifest.InputFile before = kept.get(path);
      if (before != null) {
        files.add(before);
        continue;
      }
      Path file = new Path(path);
      FileChecksum checksum = file.getFileSystem(hadoop).getFileChecksum(file);
      long[] counts = read.getOrDefault(path, new long[2]);
      files.add(new CorpusManifest.InputFile(path, listing.bytes().get(f), listing.modified().get(f),
          checksum == null ? null : checksum.toString(), counts[0], counts[1]));
    }
    return files;
  }
}
