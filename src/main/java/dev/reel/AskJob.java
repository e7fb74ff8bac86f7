package dev.reel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.reel.config.QuestionFile;
import dev.reel.config.ReelConfig;
import dev.reel.corpus.CorpusManifest;
import dev.reel.corpus.CorpusStore;
import dev.reel.corpus.Fingerprints;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.JobWatch;
import dev.reel.metrics.StageClock;
import dev.reel.model.ModelFiles;
import dev.reel.reason.SentenceMeaning;
import dev.reel.score.QuestionDna;
import dev.reel.score.ScoreSummary;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.TokenFrequencies;
import dev.reel.write.AnswersWriter;
import dev.reel.write.OutputDir;
import dev.reel.write.ReelWriter;

/**
 * {@code jobs/reel ask}: questions over a prepared corpus, read once. Each question is asked as the one-shot job asks
 * it ({@link QuestionPass}); its reel.md, answer.json, metrics.json (and reel.png for the first few) go under
 * questions/ID/, every kept token into one reel.parquet with a question_id column, and the answers into
 * answers.jsonl and answers.parquet. Driver memory holds one question's buffer at a time.
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
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    try (JobWatch watch = JobWatch.start(session.sparkContext())) {
      CorpusManifest manifest = manifest(session);
      OutputDir output = ReelJob.openOutput(config.output(), session);
      JobMetrics metrics = new JobMetrics();
      Models models = Models.load(config, spark, metrics);
      refuseForeign(manifest, models);
      StageClock readClock = StageClock.start("read", corpusUri);
      PlacedCorpus corpus = CorpusStore.read(session, corpusUri, manifest);
      TokenFrequencies frequencies = TokenFrequencies.count(corpus.documents(), models.vocabulary().size());
      readClock.stop(metrics, corpus.tokenCount(), corpus.documentCount() + " documents");
      AnswersWriter answers = new AnswersWriter(output);
      try (Asking asking = new Asking(session, spark, models, corpus, frequencies, output, answers)) {
        asking.askAll(metrics);
      }
      answers.write(session, questions.rejected());
      metrics.put("corpus", corpusUri);
      metrics.put("documents", manifest.counts().documentsProcessed());
      metrics.put("tokens", manifest.counts().tokens());
      metrics.put("questions_asked", questions.questions().size());
      metrics.put("questions_rejected", questions.rejected().size());
      double seconds = watch.finish(metrics, corpus.tokenCount());
      new ReelWriter(output).metrics(metrics);
      output.success();
      corpus.release();
      LOG.info("ask: {} questions ({} rejected) over {} tokens in {} s; outputs in {}", questions.questions().size(),
          questions.rejected().size(), corpus.tokenCount(), String.format("%.1f", seconds), output);
      return metrics;
    }
  }

  /** What every question of the run shares: the corpus read once, its frequencies, the models, the outputs. */
  private final class Asking implements AutoCloseable {
    private final SparkSession session;
    private final JavaSparkContext spark;
    private final Models models;
    private final PlacedCorpus corpus;
    private final TokenFrequencies frequencies;
    private final OutputDir output;
    private final AnswersWriter answers;
    private final ReelWriter reels;
    private final QuestionDna.Builder dna;
    private final SentenceMeaning meaning;
    private final Set<String> directories = new HashSet<>();

    Asking(SparkSession session, JavaSparkContext spark, Models models, PlacedCorpus corpus,
           TokenFrequencies frequencies, OutputDir output, AnswersWriter answers) throws IOException {
      this.session = session;
      this.spark = spark;
      this.models = models;
      this.corpus = corpus;
      this.frequencies = frequencies;
      this.output = output;
      this.answers = answers;
      this.reels = new ReelWriter(output);
      this.dna = QuestionPass.dnaBuilder(config, models);
      this.meaning = QuestionPass.openMeaning(config, models);
    }

    /** Every question, --questions-per-pass at a time: their first hops scored in one pass, then each answered. */
    void askAll(JobMetrics metrics) throws IOException {
      List<QuestionFile.Question> asked = questions.questions();
      double scoreSeconds = 0;
      int passes = 0;
      for (int from = 0; from < asked.size(); from += perPass) {
        List<QuestionFile.Question> group = asked.subList(from, Math.min(asked.size(), from + perPass));
        long start = System.nanoTime();
        List<QuestionPass.Scored> firstHops = scoreFirstHops(group, metrics);
        scoreSeconds += (System.nanoTime() - start) / 1e9;
        metrics.put("first_hop_passes", ++passes);
        metrics.put("first_hop_score_seconds", Math.round(scoreSeconds * 1000) / 1000.0);
        for (int g = 0; g < group.size(); g++) {
          QuestionFile.Question question = group.get(g);
          LOG.info("ask: question {} of {} ({}): {}", from + g + 1, asked.size(), question.id(), question.text());
          answer(question, from + g, firstHops.get(g));
        }
      }
    }

    /**
     * The first hops of a group of questions, scored in one pass: each chunk's rows, RoPE and dense softmax once for
     * the group, then each question's weights, attention received and promotion.
     */
    private List<QuestionPass.Scored> scoreFirstHops(List<QuestionFile.Question> group, JobMetrics metrics) {
      List<QuestionDna> dnas = new ArrayList<>(group.size());
      for (QuestionFile.Question question : group) {
        ReelConfig asking = config.asking(question.text(), question.hops());
        dnas.add(dna.build(QuestionPass.firstTokens(asking, models, frequencies)));
      }
      List<ScoreSummary> summaries = new ScoringPass(config, models, spark, corpus).score(dnas, metrics);
      List<QuestionPass.Scored> scored = new ArrayList<>(group.size());
      for (int q = 0; q < group.size(); q++) {
        scored.add(new QuestionPass.Scored(dnas.get(q), summaries.get(q)));
      }
      return scored;
    }

    /** Asks one question (its later hops, if any, alone) and writes what it found. */
    private void answer(QuestionFile.Question question, int index, QuestionPass.Scored firstHop) throws IOException {
      long start = System.nanoTime();
      JobMetrics metrics = new JobMetrics();
      QuestionPass pass = new QuestionPass(config.asking(question.text(), question.hops()), models, spark, corpus,
          frequencies, dna, firstHop);
      QuestionPass.Answered answered = pass.ask(metrics, meaning);
      HopChain.Hop hop = answered.hop();
      String directory = directoryName(question.id());
      directory = directories.add(directory) ? directory : directory + "-" + (index + 1);
      ReelWriter writer = new ReelWriter(ReelJob.openOutput(output.resolve("questions/" + directory), session));
      Map<String, Object> fields = ReelWriter.answerFields(hop.reel(), question.text(), answered.trail(),
          answered.chain().used(), answered.chain().facts());
      writer.answer(fields);
      writer.reelMarkdown(hop.reel(), question.text());
      reels.reelParquet(session, hop.buffer(), hop.reel(), hop.gates().names(), models.vocabulary(), question.id(),
          index == 0);
      Map<String, Long> caughtPerGate = pass.record(metrics, hop);
      if (index < plots) {
        writer.plot(hop.buffer(), hop.reel(), true, corpus.tokenCount(), caughtPerGate,
            "Importance along the corpus: " + question.text());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      metrics.put("seconds", Math.round(seconds * 1000) / 1000.0);
      writer.metrics(metrics);
      answers.add(question.id(), fields, seconds);
    }

    @Override
    public void close() {
      meaning.close();
    }
  }

  private CorpusManifest manifest(SparkSession session) {
    try {
      return CorpusStore.manifest(corpusUri, session.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw ReelException.corpusUnusable("ask", corpusUri, e);
    }
  }

  /** A corpus tokenized with another tokenizer, or prepared for another model, would score other tokens. */
  private void refuseForeign(CorpusManifest manifest, Models models) throws IOException {
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

  /** A question's id as a directory name: letters, digits, '.', '-' and '_' kept, anything else '_'. */
  static String directoryName(String id) {
    String name = id.replaceAll("[^A-Za-z0-9._-]", "_");
    return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
  }
}
