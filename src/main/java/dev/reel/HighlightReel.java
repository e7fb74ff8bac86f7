package dev.reel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import dev.reel.config.QuestionFile;
import dev.reel.config.ReelConfig;
import dev.reel.corpus.CorpusManifest;
import dev.reel.corpus.CorpusStore;
import dev.reel.corpus.Fingerprints;
import dev.reel.ingest.DatasetDocuments;
import dev.reel.ingest.IngestRecord;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.StageClock;
import dev.reel.model.ModelFiles;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.TokenFrequencies;
import dev.reel.write.AnswersWriter;
import dev.reel.write.ReelSchema;

/**
 * The pipeline API: questions over documents, in a Spark application of your own. The models load once when it
 * opens; a corpus comes from a directory {@code jobs/reel prepare} wrote or from a {@code Dataset<Row>} of documents;
 * {@link #ask} answers a list of questions over it, their first hops {@link #QUESTIONS_PER_PASS} to a scoring pass,
 * as {@code jobs/reel ask} does (it runs on this class).
 *
 * <pre>{@code
 * ReelConfig options = ReelOptions.parse("--alpha", "0");          // the options of jobs/reel ask
 * try (HighlightReel reel = HighlightReel.open(spark, options);
 *      ReelCorpus corpus = reel.corpus(spark.read().parquet("docs.parquet"))) {   // columns id, text
 *   ReelAnswers found = reel.ask(corpus, List.of(new QuestionFile.Question("q1", "Who wrote it?", 0)));
 *   found.answers().show();
 * }
 * }</pre>
 */
public final class HighlightReel implements AutoCloseable {
  /** Questions whose first hops share one scoring pass: the driver holds one --buffer-mb buffer for each. */
  public static final int QUESTIONS_PER_PASS = 64;

  private final SparkSession session;
  private final JavaSparkContext spark;
  private final ReelConfig config;
  private final Models models;
  private final JobMetrics metrics;
  private final QuestionAnswering answering;

  private HighlightReel(SparkSession session, ReelConfig config, Models models, JobMetrics metrics)
      throws IOException {
    this.session = session;
    this.spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    this.config = config;
    this.models = models;
    this.metrics = metrics;
    this.answering = new QuestionAnswering(config, models, spark, driverCores(session));
  }

  /** Loads the tokenizer and models {@code config} names; its question and output are not used. */
  public static HighlightReel open(SparkSession session, ReelConfig config) throws IOException {
    return open(session, config, new JobMetrics());
  }

  /** The same, recording the model stage and later ones into {@code metrics}. */
  static HighlightReel open(SparkSession session, ReelConfig config, JobMetrics metrics) throws IOException {
    Models models = Models.load(config, JavaSparkContext.fromSparkContext(session.sparkContext()), metrics);
    return new HighlightReel(session, config, models, metrics);
  }

  /**
   * A corpus {@code jobs/reel prepare} wrote, on any Hadoop file system. Missing or unreadable, or prepared with
   * another tokenizer or model: a {@link ReelException} saying so.
   */
  public ReelCorpus corpus(String corpusUri) throws IOException {
    CorpusManifest manifest;
    try {
      manifest = CorpusStore.manifest(corpusUri, session.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw ReelException.corpusUnusable("ask", corpusUri, e);
    }
    refuseForeign(corpusUri, manifest);
    StageClock clock = StageClock.start("read", corpusUri);
    PlacedCorpus placed = CorpusStore.read(session, corpusUri, manifest);
    TokenFrequencies frequencies = TokenFrequencies.count(placed.documents(), models.vocabulary().size());
    clock.stop(metrics, placed.tokenCount(), placed.documentCount() + " documents");
    return new ReelCorpus(placed, frequencies, manifest.counts().documentsRejected(),
        DatasetDocuments.preparedRejects(session, corpusUri), () -> {});
  }

  /**
   * A corpus of the documents in {@code documents}: a string column {@code id} (each document's name in the
   * evidence) and a string column {@code text}. Documents go in id order; a row without an id or without text is
   * refused, with its reason, in {@link ReelCorpus#rejects}. Tokenized and placed now, kept on the executors until
   * the corpus is closed.
   */
  public ReelCorpus corpus(Dataset<Row> documents) {
    StageClock clock = StageClock.start("tokenize", "documents of a Dataset to tokens and global positions");
    JavaRDD<IngestRecord> records = DatasetDocuments.records(documents).persist(StorageLevel.DISK_ONLY());
    long rejected = records.filter(IngestRecord::isReject).count();
    PlacedCorpus placed = CorpusBuilder.place(spark, records, models.tokenizerJson(),
        session.sparkContext().longAccumulator("documents tokenized"), 0, 0);
    clock.stop(metrics, placed.tokenCount(), placed.tokenCount() + " tokens, " + rejected + " rejected");
    if (placed.tokenCount() == 0) {
      String first = rejected == 0 ? "" : "; the first rejected for: "
          + records.filter(IngestRecord::isReject).first().reason();
      placed.release();
      records.unpersist();
      throw new IllegalArgumentException("ingest: the Dataset holds no text to ask about: " + placed.documentCount()
          + " documents without tokens, " + rejected + " rows rejected" + first);
    }
    TokenFrequencies frequencies = TokenFrequencies.count(placed.documents(), models.vocabulary().size());
    return new ReelCorpus(placed, frequencies, rejected, DatasetDocuments.rejects(session, records), records::unpersist);
  }

  /**
   * Answers every question over {@code corpus}: one row per question in {@code answers()} (the columns of
   * answers.parquet), every question's kept tokens in {@code reel()} (those of reel.parquet, with question_id).
   */
  public ReelAnswers ask(ReelCorpus corpus, List<QuestionFile.Question> questions) throws IOException {
    AnswersWriter.Lines answers = new AnswersWriter.Lines();
    List<Row> reel = new ArrayList<>();
    askEach(corpus, questions, QUESTIONS_PER_PASS, answered -> {
      answers.add(answered.question().id(), answered.fields(), answered.seconds());
      reel.addAll(answered.reelRows(models));
    });
    return new ReelAnswers(answers.dataset(session), session.createDataFrame(reel, ReelSchema.WITH_QUESTION));
  }

  /** Asks every question, {@code perPass} to a scoring pass, handing each answer to {@code sink} in order. */
  void askEach(ReelCorpus corpus, List<QuestionFile.Question> questions, int perPass, QuestionAnswering.Sink sink)
      throws IOException {
    answering.askAll(corpus, questions, perPass, metrics, sink);
  }

  /** Counters and stage timings so far: the model stage, corpus reads, scoring passes (metrics.json's fields). */
  public Map<String, Object> metrics() {
    return metrics.asMap();
  }

  Models models() {
    return models;
  }

  /** A corpus tokenized with another tokenizer, or prepared for another model, would score other tokens. */
  private void refuseForeign(String corpusUri, CorpusManifest manifest) throws IOException {
    ModelFiles files = new ModelFiles(config.model());
    CorpusManifest.Fingerprint tokenizer = Fingerprints.tokenizer(files.tokenizerName(), models.tokenizerJson());
    if (!tokenizer.sha256().equals(manifest.tokenizer().sha256())) {
      throw ReelException.foreignCorpus("ask", corpusUri, "tokenizer", manifest.tokenizer().describe(),
          tokenizer.describe());
    }
    CorpusManifest.Fingerprint model = Fingerprints.model(files);
    if (!model.sha256().equals(manifest.model().sha256())) {
      throw ReelException.foreignCorpus("ask", corpusUri, "model", manifest.model().describe(), model.describe());
    }
  }

  /** The driver's cores (spark.driver.cores where set): questions answered at once. */
  private static int driverCores(SparkSession session) {
    return Math.max(1, session.sparkContext().getConf().getInt("spark.driver.cores",
        Runtime.getRuntime().availableProcessors()));
  }

  @Override
  public void close() {
    answering.close();
  }
}
