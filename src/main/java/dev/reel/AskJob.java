package dev.reel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.reel.config.QuestionFile;
import dev.reel.config.ReelConfig;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.JobWatch;
import dev.reel.write.AnswersWriter;
import dev.reel.write.OutputDir;
import dev.reel.write.ReelWriter;

/**
 * {@code jobs/reel ask}: questions over a prepared corpus, read once, asked through {@link HighlightReel}. Each
 * question's reel.md, answer.json, metrics.json (and reel.png for the first few) go under questions/ID/, every kept
 * token into one reel.parquet with a question_id column (written once per scoring pass), and the answers into
 * answers.jsonl and answers.parquet. The driver holds the buffers of one pass's questions at a time.
 */
public final class AskJob {
  private static final Logger LOG = LoggerFactory.getLogger(AskJob.class);
  private final ReelConfig config;
  private final String corpusUri;
  private final QuestionFile.Parsed questions;
  private final int plots;
  private final int perPass;

  /**
   * @param config    options of every question (the output directory among them); its question is not used
   * @param corpusUri a directory written by {@link PrepareJob}
   * @param plots     how many of the first questions get a reel.png
   * @param perPass   questions whose first hops share one scoring pass; the driver holds that many buffers
   */
  public AskJob(ReelConfig config, String corpusUri, QuestionFile.Parsed questions, int plots, int perPass) {
    this.config = config;
    this.corpusUri = corpusUri;
    this.questions = questions;
    this.plots = plots;
    this.perPass = perPass;
  }

  public JobMetrics run(SparkSession session) throws IOException {
    try (JobWatch watch = JobWatch.start(session.sparkContext())) {
      OutputDir output = ReelJob.openOutput(config.output(), session);
      JobMetrics metrics = new JobMetrics();
      AnswersWriter answers = new AnswersWriter(output);
      long tokens;
      try (HighlightReel reel = HighlightReel.open(session, config, metrics);
           ReelCorpus corpus = reel.corpus(corpusUri)) {
        tokens = corpus.tokenCount();
        metrics.put("corpus", corpusUri);
        metrics.put("documents", corpus.documentCount());
        metrics.put("tokens", tokens);
        reel.askEach(corpus, questions.questions(), perPass, new Outputs(session, output, reel.models(), tokens,
            answers));
      }
      answers.write(session, questions.rejected());
      metrics.put("questions_asked", questions.questions().size());
      metrics.put("questions_rejected", questions.rejected().size());
      double seconds = watch.finish(metrics, tokens);
      new ReelWriter(output).metrics(metrics);
      output.success();
      LOG.info("ask: {} questions ({} rejected) over {} tokens in {} s; outputs in {}", questions.questions().size(),
          questions.rejected().size(), tokens, String.format("%.1f", seconds), output);
      return metrics;
    }
  }

  /** Writes each answered question's files as it comes, and a pass's kept tokens into reel.parquet at its end. */
  private final class Outputs implements QuestionAnswering.Sink {
    private final SparkSession session;
    private final OutputDir output;
    private final Models models;
    private final long tokens;
    private final AnswersWriter answers;
    private final ReelWriter reels;
    private final Set<String> directories = new HashSet<>();
    private final List<Row> passRows = new ArrayList<>();
    private boolean firstPass = true;

    Outputs(SparkSession session, OutputDir output, Models models, long tokens, AnswersWriter answers) {
      this.session = session;
      this.output = output;
      this.models = models;
      this.tokens = tokens;
      this.answers = answers;
      this.reels = new ReelWriter(output);
    }

    @Override
    public void accept(AnsweredQuestion answered) throws IOException {
      QuestionFile.Question question = answered.question();
      HopChain.Hop hop = answered.hop();
      String directory = directoryName(question.id());
      directory = directories.add(directory) ? directory : directory + "-" + (answered.index() + 1);
      ReelWriter writer = new ReelWriter(ReelJob.openOutput(output.resolve("questions/" + directory), session));
      writer.answer(answered.fields());
      writer.reelMarkdown(hop.reel(), question.text());
      if (answered.index() < plots) {
        writer.plot(hop.buffer(), hop.reel(), true, tokens, answered.caughtPerGate(),
            "Importance along the corpus: " + question.text());
      }
      writer.metrics(answered.metrics());
      passRows.addAll(answered.reelRows(models));
      answers.add(question.id(), answered.fields(), answered.seconds());
    }

    @Override
    public void groupDone() {
      reels.reelParquet(session, passRows, firstPass);
      passRows.clear();
      firstPass = false;
    }
  }

  /** A question's id as a directory name: letters, digits, '.', '-' and '_' kept, anything else '_'. */
  static String directoryName(String id) {
    String name = id.replaceAll("[^A-Za-z0-9._-]", "_");
    return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
  }
}
