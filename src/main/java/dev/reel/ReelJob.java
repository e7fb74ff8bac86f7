package dev.reel;

import java.io.IOException;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.reel.config.ReelConfig;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.JobWatch;
import dev.reel.metrics.StageClock;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.TokenFrequencies;
import dev.reel.write.OutputDir;
import dev.reel.write.ReelWriter;

/**
 * The one-shot reel job: ingest, tokenize and place the archive ({@link CorpusBuilder}), ask the question or none
 * ({@link QuestionPass}), write reel.parquet, reel.md, reel.png, answer.json and metrics.json.
 */
public final class ReelJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReelJob.class);
  private final ReelConfig config;

  public ReelJob(ReelConfig config) {
    this.config = config;
  }

  public JobMetrics run(SparkSession session) throws IOException {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    try (JobWatch watch = JobWatch.start(session.sparkContext())) {
      return run(session, spark, watch);
    }
  }

  private JobMetrics run(SparkSession session, JavaSparkContext spark, JobWatch watch) throws IOException {
    OutputDir output = openOutput(config.output(), session);
    ReelWriter writer = new ReelWriter(output);
    JobMetrics metrics = new JobMetrics();
    Models models = Models.load(config, spark, metrics);
    CorpusBuilder.Built built = new CorpusBuilder(config.ingest(), watch.tokenized())
        .build(spark, session, writer, models.tokenizerJson(), metrics);
    PlacedCorpus corpus = built.corpus();
    // Counted for a question (its tokens' rarity) and for the reel that weighs tokens by information.
    TokenFrequencies frequencies = config.hasQuestion() || QuestionPass.weighsInformation(config)
        ? TokenFrequencies.count(corpus.documents(), models.vocabulary().size()) : null;
    QuestionPass pass = new QuestionPass(config, models, spark, corpus, frequencies,
        QuestionPass.dnaBuilder(config, models, frequencies), null);
    metrics.put("tastes", QuestionPass.tastesSource(config));
    QuestionPass.Answered answered = pass.ask(metrics);
    HopChain.Hop hop = answered.hop();

    StageClock writeClock = StageClock.start("write", output.toString());
    writer.reelParquet(session, hop.buffer(), hop.reel(), hop.gates().names(), models.vocabulary());
    writer.reelMarkdown(hop.reel(), config.question());
    if (config.hasQuestion()) {
      writer.answer(ReelWriter.answerFields(hop.reel(), config.question(), answered.trail(),
          answered.chain().used(), answered.chain().facts()));
    } else {
      writer.digest(hop.reel());
    }
    Map<String, Long> caughtPerGate = pass.record(metrics, hop);
    writer.plot(hop.buffer(), hop.reel(), config.hasQuestion(), corpus.tokenCount(), caughtPerGate, config.hasQuestion()
        ? "Importance along the corpus: " + config.question() : "Importance along the corpus");
    writeClock.stop(metrics, 0, "reel.parquet, reel.md, reel.png"
        + (config.hasQuestion() ? ", answer.json" : ", digest.json"));

    double seconds = watch.finish(metrics, corpus.tokenCount());
    writer.metrics(metrics);
    output.success();
    built.release();
    LOG.info("reel: {} tokens of {} documents -> {} kept tokens in {} passages, {} s; outputs in {}",
        corpus.tokenCount(), corpus.documentCount(), hop.buffer().size(), hop.reel().passages().size(),
        String.format("%.1f", seconds), output);
    return metrics;
  }

  /** The output directory, checked writable before any work; exit 3 with one line when it is not. */
  static OutputDir openOutput(String uri, SparkSession session) {
    try {
      return OutputDir.open(uri, session.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw ReelException.outputUnwritable(uri, e);
    }
  }
}
