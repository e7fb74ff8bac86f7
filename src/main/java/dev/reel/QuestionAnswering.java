package dev.reel;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.reel.config.QuestionFile;
import dev.reel.config.ReelConfig;
import dev.reel.metrics.JobMetrics;
import dev.reel.model.SentenceCache;
import dev.reel.reason.SentenceMeaning;
import dev.reel.score.QuestionDna;
import dev.reel.score.ScoreSummary;
import dev.reel.write.ReelWriter;

/**
 * Questions asked in groups over one corpus: a group's first hops scored in one pass ({@link ScoringPass}), then its
 * questions answered on the driver's threads, each with its own sentence encoder (the final pass, its re-rank and
 * any later hops are the driver's work and do not depend on one another). Every question is computed as it is when
 * asked alone, so the thread that answers it changes nothing; answers are handed on in question order.
 */
final class QuestionAnswering implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QuestionAnswering.class);

  /** Takes each answered question, in question order, and hears when a group is done. */
  interface Sink {
    void accept(AnsweredQuestion answered) throws IOException;

    /** Every question of a group has been accepted. */
    default void groupDone() throws IOException {}
  }

  private final ReelConfig config;
  private final Models models;
  private final JavaSparkContext spark;
  private final QuestionDna.Builder dna;
  private final ExecutorService threads;
  private final Deque<SentenceMeaning> idle = new ArrayDeque<>();
  private final List<SentenceMeaning> opened = new ArrayList<>();
  /** The threads' encoders share their sentence vectors: questions over one corpus compare many of the same. */
  private final SentenceCache sentences = new SentenceCache();

  /** @param threads questions answered at once on the driver (its cores) */
  QuestionAnswering(ReelConfig config, Models models, JavaSparkContext spark, int threads) throws IOException {
    this.config = config;
    this.models = models;
    this.spark = spark;
    this.dna = QuestionPass.dnaBuilder(config, models, null);
    this.threads = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "reel-answer");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Asks every question, {@code perPass} at a time, handing each answer to {@code sink}. */
  void askAll(ReelCorpus corpus, List<QuestionFile.Question> questions, int perPass, JobMetrics metrics, Sink sink)
      throws IOException {
    double scoreSeconds = 0;
    int passes = 0;
    for (int from = 0; from < questions.size(); from += perPass) {
      List<QuestionFile.Question> group = questions.subList(from, Math.min(questions.size(), from + perPass));
      long start = System.nanoTime();
      List<QuestionPass.Scored> firstHops = scoreFirstHops(corpus, group, metrics);
      scoreSeconds += (System.nanoTime() - start) / 1e9;
      metrics.put("first_hop_passes", ++passes);
      metrics.put("first_hop_score_seconds", Math.round(scoreSeconds * 1000) / 1000.0);
      List<Future<AnsweredQuestion>> answers = new ArrayList<>(group.size());
      for (int g = 0; g < group.size(); g++) {
        QuestionFile.Question question = group.get(g);
        int index = from + g;
        QuestionPass.Scored firstHop = firstHops.get(g);
        answers.add(threads.submit(() -> answer(corpus, question, index, questions.size(), firstHop)));
      }
      for (Future<AnsweredQuestion> answer : answers) {
        sink.accept(await(answer));
      }
      sink.groupDone();
    }
  }

  /**
   * The first hops of a group of questions, scored in one pass: each chunk's rows, RoPE and dense softmax once for
   * the group, then each question's weights, attention received and promotion.
   */
  private List<QuestionPass.Scored> scoreFirstHops(ReelCorpus corpus, List<QuestionFile.Question> group,
                                                   JobMetrics metrics) {
    // Each question's DNA is a pass over the vocabulary: built on the answering threads, idle between passes.
    List<Future<QuestionDna>> built = new ArrayList<>(group.size());
    for (QuestionFile.Question question : group) {
      ReelConfig asking = config.asking(question.text(), question.hops());
      built.add(threads.submit(() -> dna.build(QuestionPass.firstTokens(asking, models, corpus.frequencies()))));
    }
    List<QuestionDna> dnas = new ArrayList<>(group.size());
    for (Future<QuestionDna> question : built) {
      dnas.add(await(question));
    }
    List<ScoreSummary> summaries = new ScoringPass(config, models, spark, corpus.placed()).score(dnas, metrics);
    List<QuestionPass.Scored> scored = new ArrayList<>(group.size());
    for (int q = 0; q < group.size(); q++) {
      scored.add(new QuestionPass.Scored(dnas.get(q), summaries.get(q)));
    }
    return scored;
  }

  /** One question: its first hop already scored, its later hops (if any) alone. */
  private AnsweredQuestion answer(ReelCorpus corpus, QuestionFile.Question question, int index, int count,
                                  QuestionPass.Scored firstHop) {
    LOG.info("ask: question {} of {} ({}): {}", index + 1, count, question.id(), question.text());
    long start = System.nanoTime();
    JobMetrics metrics = new JobMetrics();
    QuestionPass pass = new QuestionPass(config.asking(question.text(), question.hops()), models, spark,
        corpus.placed(), corpus.frequencies(), dna, firstHop);
    SentenceMeaning meaning = borrowMeaning();
    QuestionPass.Answered answered;
    try {
      answered = pass.ask(metrics, meaning);
    } finally {
      giveBack(meaning);
    }
    HopChain.Hop hop = answered.hop();
    Map<String, Object> fields = ReelWriter.answerFields(hop.reel(), question.text(), answered.trail(),
        answered.chain().used(), answered.chain().facts());
    Map<String, Long> caughtPerGate = pass.record(metrics, hop);
    double seconds = (System.nanoTime() - start) / 1e9;
    metrics.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return new AnsweredQuestion(question, index, answered, fields, caughtPerGate, metrics, seconds);
  }

  private synchronized SentenceMeaning borrowMeaning() {
    if (idle.isEmpty()) {
      SentenceMeaning meaning = QuestionPass.openMeaning(config, models, sentences);
      opened.add(meaning);
      return meaning;
    }
    return idle.pop();
  }

  private synchronized void giveBack(SentenceMeaning meaning) {
    idle.push(meaning);
  }

  /** A question's answer or DNA; its failure as the question's own exception (a user error stays one). */
  private static <T> T await(Future<T> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ask: interrupted while answering", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("ask: a question failed: " + cause, cause);
    }
  }

  /** Stops the threads, waits for a question still running (after a failure), and closes every encoder opened. */
  @Override
  public void close() {
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      opened.forEach(SentenceMeaning::close);
    }
  }
}
