package dev.reel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.reel.chunk.ChunkStage;
import dev.reel.config.ReelConfig;
import dev.reel.config.ScoringRule;
import dev.reel.config.VectorSource;
import dev.reel.dna.LearnedTastes;
import dev.reel.gather.GatherStage;
import dev.reel.ingest.IngestRecord;
import dev.reel.ingest.IngestStage;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.MemoryPeaks;
import dev.reel.metrics.ProgressLogger;
import dev.reel.metrics.StageClock;
import dev.reel.metrics.TaskFailures;
import dev.reel.model.ContextualSpec;
import dev.reel.model.ModelFiles;
import dev.reel.model.PrincipalProjection;
import dev.reel.model.StaticVectorTable;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.reason.ReasonStage;
import dev.reel.reason.ReelResult;
import dev.reel.reason.SentenceMeaning;
import dev.reel.score.Candidate;
import dev.reel.score.DnaGates;
import dev.reel.score.DnaLookup;
import dev.reel.score.ScoreStage;
import dev.reel.score.ScoreSummary;
import dev.reel.score.ScoringModel;
import dev.reel.tokenize.PositionStage;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.QuestionTokens;
import dev.reel.tokenize.QuestionTokens.Weighted;
import dev.reel.tokenize.TokenFrequencies;
import dev.reel.tokenize.TokenizeStage;
import dev.reel.write.OutputDir;
import dev.reel.write.ReelPlot;
import dev.reel.write.ReelWriter;

/** The reel job: ingest, tokenize, position, chunk, score, gather, reason, write. */
public final class ReelJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReelJob.class);
  /** Long stages log their progress this often. */
  private static final double PROGRESS_SECONDS = 10;
  private final ReelConfig config;
  /** Documents tokenized over the whole job: documents_processed when nothing tokenized the corpus twice. */
  private LongAccumulator tokenized;
  /** Task attempts Spark ran again and executors lost, for metrics.json. */
  private TaskFailures failures;

  public ReelJob(ReelConfig config) {
    this.config = config;
  }

  public JobMetrics run(SparkSession session) throws IOException {
    long jobStart = System.nanoTime();
    MemoryPeaks.reset();
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    tokenized = spark.sc().longAccumulator("documents tokenized");
    ProgressLogger progress = new ProgressLogger(PROGRESS_SECONDS);
    failures = new TaskFailures();
    session.sparkContext().addSparkListener(progress);
    session.sparkContext().addSparkListener(failures);
    try {
      return run(session, spark, jobStart);
    } finally {
      session.sparkContext().removeSparkListener(progress);
      session.sparkContext().removeSparkListener(failures);
    }
  }

  private JobMetrics run(SparkSession session, JavaSparkContext spark, long jobStart) throws IOException {
    OutputDir output;
    try {
      output = OutputDir.open(config.output(), session.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw ReelException.outputUnwritable(config.output(), e);
    }
    ReelWriter writer = new ReelWriter(output);
    JobMetrics metrics = new JobMetrics();
    Models models = loadModels(spark, metrics);
    JavaRDD<IngestRecord> records = ingest(spark, session, writer, metrics);
    PlacedCorpus corpus = tokenize(spark, records, models.tokenizerJson(), metrics);
    List<Map<String, Object>> trail = new ArrayList<>();
    HopChain.Chain chain = new HopChain.Chain();
    HopChain.Hop hop = ask(spark, corpus, models, trail, chain, metrics);

    StageClock writeClock = StageClock.start("write", output.toString());
    writer.reelParquet(session, hop.buffer(), hop.reel(), hop.gates().names(), models.vocabulary());
    writer.reelMarkdown(hop.reel(), config.question());
    if (config.hasQuestion()) {
      writer.answer(hop.reel(), config.question(), trail, chain.used(), chain.facts());
    }
    Map<String, Long> caughtPerGate = record(metrics, hop, models);
    ReelPlot.write(output, "reel.png", hop.buffer(), config.hasQuestion() && !hop.reel().ranked().isEmpty()
        ? hop.reel().ranked().get(0) : null, corpus.tokenCount(), caughtPerGate,
        config.hasQuestion() ? "Importance along the corpus: " + config.question() : "Importance along the corpus");
    writeClock.stop(metrics, 0, "reel.parquet, reel.md, reel.png" + (config.hasQuestion() ? ", answer.json" : ""));

    double seconds = (System.nanoTime() - jobStart) / 1e9;
    metrics.put("seconds", Math.round(seconds * 1000) / 1000.0);
    // Read at the end: a later stage that recomputed tokens would have counted its documents again.
    metrics.put("documents_tokenized", tokenized.value());
    metrics.put("task_attempts_failed", failures.failedAttempts());
    metrics.put("executors_lost", failures.executorsLost());
    metrics.put("tokens_per_second", Math.round(corpus.tokenCount() / seconds));
    metrics.put("memory", MemoryPeaks.snapshot());
    writer.metrics(metrics);
    output.success();
    corpus.release();
    records.unpersist();
    LOG.info("reel: {} tokens of {} documents -> {} kept tokens in {} passages, {} s; outputs in {}",
        corpus.tokenCount(), corpus.documentCount(), hop.buffer().size(), hop.reel().passages().size(),
        String.format("%.1f", seconds), output);
    return metrics;
  }

  /**
   * The tokenizer, the token-vector table and its projection for attention; loaded once per job on the driver. With
   * --rule seed-l2 also each entry's raw vector norm, with --vectors contextual what executors need to run the model
   * over chunks; otherwise those are null and never broadcast.
   */
  private record Models(byte[] tokenizerJson, Vocabulary vocabulary, TokenVectors vectors,
                        TokenVectors attentionVectors, float[] rawNorms, ContextualSpec contextual) {}

  private Models loadModels(JavaSparkContext spark, JobMetrics metrics) throws IOException {
    ModelFiles files = new ModelFiles(config.model());
    byte[] tokenizerJson = files.tokenizerJson();
    Vocabulary vocabulary = Vocabulary.parse(tokenizerJson);
    StageClock clock = StageClock.start("model", files.modelName());
    TokenVectors vectors = StaticVectorTable.load(files, vocabulary, Path.of(config.model().cacheDir()));
    PrincipalProjection.Projected projected = PrincipalProjection.project(vectors, ScoringModel.ATTENTION_DIMS);
    float[] rawNorms = config.score().rule() == ScoringRule.SEED_L2 ? vectors.rawNorms() : null;
    ContextualSpec contextual = null;
    if (config.score().vectors() == VectorSource.CONTEXTUAL) {
      files.onnxModel(); // extracted here, before Spark work starts: fails early, and local executors share the file
      if (config.model().model() != null) {
        spark.sc().addFile(config.model().model()); // executors read a --model file from their own copy
      }
      contextual = new ContextualSpec(config.model(), vocabulary.clsId(), vocabulary.sepId(), projected.projection());
    }
    metrics.put("rule", config.score().rule().toString());
    metrics.put("vectors", config.score().vectors().toString());
    metrics.put("attention_dims", projected.vectors().dims());
    metrics.put("attention_variance_kept", Math.round(projected.varianceKept() * 1000) / 1000.0);
    clock.stop(metrics, 0, vectors.vocab() + " token vectors of " + vectors.dims() + " dims, attention in "
        + projected.vectors().dims() + ", rule " + config.score().rule() + ", " + config.score().vectors()
        + " vectors");
    return new Models(tokenizerJson, vocabulary, vectors, projected.vectors(), rawNorms, contextual);
  }

  /**
   * Asks the question in up to --hops hops, each about what the previous one kept next to the tokens it asked for
   * (or, for a question about chained facts, about the entity its chain leads to); appends each hop to {@code trail}
   * and a chain's facts to {@code chain}; returns the last hop.
   */
  private HopChain.Hop ask(JavaSparkContext spark, PlacedCorpus corpus, Models models, List<Map<String, Object>> trail,
                           HopChain.Chain chain, JobMetrics metrics) throws IOException {
    Vocabulary vocabulary = models.vocabulary();
    TokenFrequencies frequencies = config.hasQuestion()
        ? TokenFrequencies.count(corpus.documents(), vocabulary.size()) : null;
    Weighted question = config.hasQuestion() ? QuestionTokens.weigh(
        QuestionTokens.contentTokens(config.question(), models.tokenizerJson(), vocabulary), frequencies)
        : Weighted.NONE;
    LearnedTastes learned = config.score().tastes() == null ? null
        : LearnedTastes.read(Path.of(config.score().tastes()));
    try (SentenceMeaning meaning = config.hasQuestion() ? SentenceMeaning.open(
        new ModelFiles(config.model()).onnxModel(), vocabulary, models.tokenizerJson()) : null) {
      HopChain hops = new HopChain(config, models.vocabulary(), models.tokenizerJson(), frequencies,
          request -> hop(spark, corpus, learned, request, models, metrics));
      return hops.ask(question, meaning, trail, chain);
    }
  }

  /** One pass of score, gather and reason for one question (a hop). */
  private HopChain.Hop hop(JavaSparkContext spark, PlacedCorpus corpus, LearnedTastes learned, ReasonStage.Request request,
                  Models models, JobMetrics metrics) {
    Weighted question = request.tokens();
    TokenVectors vectors = models.vectors();
    DnaGates gates = DnaGates.build(learned, config.score().gates(), config.score().seed(),
        (float) config.score().gateThreshold(), question, vectors, models.vocabulary());
    Broadcast<ScoringModel> model = spark.broadcast(new ScoringModel(models.attentionVectors(), gates,
        DnaLookup.build(gates, question, vectors), question, config.score(), config.chunk().chunkTokens(),
        models.rawNorms(), models.contextual()));
    int capacity = GatherStage.capacity(config.bufferBytes(), vectors.dims());
    ScoreSummary summary = scoreAndGather(spark, corpus, model, capacity, metrics);
    model.destroy();
    List<Candidate> buffer = summary.top().best();
    StageClock reasonClock = StageClock.start("reason", buffer.size() + " buffered tokens");
    spark.setJobDescription("reel reason: evidence passages from " + buffer.size() + " buffered tokens");
    ReelResult reel = ReasonStage.run(spark, corpus.documents(), buffer, request, vectors,
        models.attentionVectors(), config.score().alpha(), config.positions(), models.vocabulary());
    reasonClock.stop(metrics, buffer.size(), reel.passages().size() + " passages, re-rank "
        + String.format(java.util.Locale.ROOT, "%.2f", reel.rerankSeconds()) + " s");
    if (request.meaning() != null) {
      metrics.put("rerank_seconds", Math.round(reel.rerankSeconds() * 1000) / 1000.0);
    }
    return new HopChain.Hop(question, gates, summary, buffer, reel);
  }

  private JavaRDD<IngestRecord> ingest(JavaSparkContext spark, SparkSession session, ReelWriter writer,
                                       JobMetrics metrics) throws IOException {
    IngestStage ingest = new IngestStage(config.ingest());
    IngestStage.InputListing listing;
    try {
      listing = ingest.listFiles(session.sparkContext().hadoopConfiguration());
    } catch (java.io.FileNotFoundException e) {
      throw ReelException.inputMissing(config.ingest().input(), e);
    }
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
    clock.stop(metrics, 0, counts[0] + " documents, " + rejected + " rejected");
    if (counts[0] == 0) {
      throw ReelException.emptyCorpus(config.ingest().input(), listing.files().size(), rejected);
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
      throw ReelException.noTokens(config.ingest().input());
    }
    metrics.put("tokens", corpus.tokenCount());
    return corpus;
  }

  private ScoreSummary scoreAndGather(JavaSparkContext spark, PlacedCorpus corpus, Broadcast<ScoringModel> model,
                                      int capacity, JobMetrics metrics) {
    ChunkStage chunks = new ChunkStage(config.chunk(), corpus.tokenCount());
    int partitions = config.chunk().partitions() > 0 ? config.chunk().partitions()
        : chunks.defaultPartitions(spark.defaultParallelism());
    StageClock clock = StageClock.start("score", chunks.chunkCount() + " chunks in " + partitions + " partitions");
    spark.setJobDescription("reel chunk, score and gather: " + chunks.chunkCount() + " chunks");
    ScoreSummary summary = GatherStage.run(ScoreStage.run(chunks, corpus.documents(), partitions, model, capacity));
    clock.stop(metrics, corpus.tokenCount(), summary.promoted() + " promoted, " + summary.top().size() + " kept");
    metrics.stageTaskSeconds("chunk", summary.chunkNanos() / 1e9);
    metrics.stageTaskSeconds("score", summary.scoreNanos() / 1e9);
    metrics.put("partitions", partitions);
    return summary;
  }

  /**
   * The last hop's counters into metrics.json (question_tokens: the tokens that hop asked for); returns the caught
   * count per gate, which reel.png draws too.
   */
  private Map<String, Long> record(JobMetrics metrics, HopChain.Hop hop, Models models) {
    ScoreSummary summary = hop.summary();
    DnaGates gates = hop.gates();
    Weighted question = hop.question();
    int dims = models.vectors().dims();
    metrics.put("chunks", summary.chunks());
    metrics.put("chunk_tokens", config.chunk().chunkTokens());
    metrics.put("caught", summary.caught());
    Map<String, Long> perGate = new LinkedHashMap<>();
    long[] caught = summary.caughtPerGate();
    for (int g = 0; g < gates.count(); g++) {
      perGate.put(gates.names().get(g), caught[g]);
    }
    metrics.put("caught_per_gate", perGate);
    metrics.put("promoted", summary.promoted());
    metrics.put("buffer_tokens", hop.buffer().size());
    metrics.put("buffer_capacity_tokens", GatherStage.capacity(config.bufferBytes(), dims));
    metrics.put("buffer_bytes", hop.buffer().size() * GatherStage.bytesPerToken(dims));
    metrics.put("buffer_budget_bytes", config.bufferBytes());
    metrics.put("spill_bytes", summary.spillBytes());
    metrics.put("chunk_store_peak_bytes", summary.peakStoreBytes());
    if (config.hasQuestion()) {
      metrics.put("question", config.question());
      Map<String, Float> weights = new LinkedHashMap<>();
      for (int q = 0; q < question.ids().length; q++) {
        weights.put(models.vocabulary().token(question.ids()[q]), question.weights()[q]);
      }
      metrics.put("question_tokens", weights);
    }
    metrics.put("passages", hop.reel().passages().size());
    return perGate;
  }
}
