package dev.reel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import dev.reel.config.ReelConfig;
import dev.reel.config.ScoreOptions;
import dev.reel.config.TasteSource;
import dev.reel.dna.LearnedTastes;
import dev.reel.gather.GatherStage;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.StageClock;
import dev.reel.model.ModelFiles;
import dev.reel.model.SentenceCache;
import dev.reel.reason.DigestRanking;
import dev.reel.reason.ReasonStage;
import dev.reel.reason.ReelResult;
import dev.reel.reason.SentenceMeaning;
import dev.reel.score.AttentionKernel;
import dev.reel.score.Candidate;
import dev.reel.score.ComputeBackends;
import dev.reel.score.DnaGates;
import dev.reel.score.QuestionDna;
import dev.reel.score.ScoreSummary;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.QuestionTokens;
import dev.reel.tokenize.QuestionTokens.Weighted;
import dev.reel.tokenize.TokenFrequencies;

/**
 * One question (or none: the plain reel) over a placed corpus: its hops, each a pass of score, gather and reason,
 * and the counters of the last hop for metrics.json.
 */
final class QuestionPass {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QuestionPass.class);
  private final ReelConfig config;
  private final Models models;
  private final JavaSparkContext spark;
  private final PlacedCorpus corpus;
  private final TokenFrequencies frequencies;
  private final ScoringPass scoring;
  private final QuestionDna.Builder dna;
  private Scored firstHop;

  /** A question's DNA and what a scoring pass kept for it. */
  record Scored(QuestionDna dna, ScoreSummary summary) {}

  /**
   * @param config      the job's configuration, with this pass's question (or none)
   * @param frequencies the corpus' token frequencies, counted once for every question; null for the reel that does
   *                    not weigh tokens by information (--tastes random)
   * @param dna         builds each hop's DNA, sharing the corpus gates' lookup between questions
   * @param firstHop    the first hop already scored in a batch with other questions, or null to score it here
   */
  QuestionPass(ReelConfig config, Models models, JavaSparkContext spark, PlacedCorpus corpus,
               TokenFrequencies frequencies, QuestionDna.Builder dna, Scored firstHop) {
    this.config = config;
    this.models = models;
    this.spark = spark;
    this.corpus = corpus;
    this.frequencies = frequencies;
    this.scoring = new ScoringPass(config, models, spark, corpus);
    this.dna = dna;
    this.firstHop = firstHop;
  }

  /**
   * What builds the questions' DNA: the tastes of --dna (read here); without one, for the reel without a question,
   * tastes learned from the corpus' {@code frequencies} and importance weighted by how much each token tells
   * (--tastes random: seeded random tastes and no weighting); else seeded random tastes. {@code frequencies} may be
   * null when every pass has a question.
   */
  static QuestionDna.Builder dnaBuilder(ReelConfig config, Models models, TokenFrequencies frequencies)
      throws IOException {
    ScoreOptions options = config.score();
    boolean informed = weighsInformation(config) && frequencies != null;
    LearnedTastes learned = options.tastes() != null ? LearnedTastes.read(Path.of(options.tastes()))
        : informed ? learnedFromCorpus(config, models, frequencies) : null;
    return new QuestionDna.Builder(learned, options, models.vectors(), models.vocabulary(),
        informed ? frequencies.information() : null);
  }

  /** Whether the pass learns its tastes and weighs tokens by information: the reel without a question, by default. */
  static boolean weighsInformation(ReelConfig config) {
    return !config.hasQuestion() && config.score().tasteSource() == TasteSource.AUTO;
  }

  /** Where the corpus gates' tastes came from, for metrics.json. */
  static String tastesSource(ReelConfig config) {
    ScoreOptions options = config.score();
    if (options.tastes() != null) {
      return "file " + options.tastes();
    }
    return (weighsInformation(config) ? "learned from the corpus, " : "random, ") + options.gates() + " gates, seed "
        + options.seed();
  }

  private static LearnedTastes learnedFromCorpus(ReelConfig config, Models models, TokenFrequencies frequencies) {
    long start = System.nanoTime();
    LearnedTastes learned = LearnedTastes.learn(frequencies, models.vectors(), models.vocabulary(),
        config.score().gates(), config.score().seed(), new ModelFiles(config.model()).modelName());
    LOG.info("tastes: {} gates learned from the corpus in {} s (seed {})", learned.gates().size(),
        String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9), config.score().seed());
    return learned;
  }

  /** The weighted tokens the first hop asks for: the question's content tokens, or none for the plain reel. */
  static Weighted firstTokens(ReelConfig config, Models models, TokenFrequencies frequencies) {
    return config.hasQuestion() ? QuestionTokens.weigh(
        QuestionTokens.contentTokens(config.question(), models.tokenizerJson(), models.vocabulary()), frequencies)
        : Weighted.NONE;
  }

  /** What the question's hops found: the last hop, each hop's description, and a fact chain's facts. */
  record Answered(HopChain.Hop hop, List<Map<String, Object>> trail, HopChain.Chain chain) {}

  /**
   * Asks the question in up to --hops hops, each about what the previous one kept next to the tokens it asked for
   * (or, for a question about chained facts, about the entity its chain leads to).
   */
  Answered ask(JobMetrics metrics) throws IOException {
    if (!config.hasQuestion()) {
      return ask(metrics, null);
    }
    try (SentenceMeaning meaning = openMeaning(config, models, new SentenceCache())) {
      return ask(metrics, meaning);
    }
  }

  /** The same, comparing meanings with {@code meaning} (null without a question), which the caller closes. */
  Answered ask(JobMetrics metrics, SentenceMeaning meaning) {
    Weighted question = firstTokens(config, models, frequencies);
    List<Map<String, Object>> trail = new ArrayList<>();
    HopChain.Chain chain = new HopChain.Chain();
    HopChain hops = new HopChain(config, models.vocabulary(), models.tokenizerJson(), frequencies,
        request -> hop(request, metrics));
    return new Answered(hops.ask(question, meaning, trail, chain), trail, chain);
  }

  /** MiniLM's sentence encoder for the final pass; the caller closes it. */
  static SentenceMeaning openMeaning(ReelConfig config, Models models, SentenceCache cache) {
    return SentenceMeaning.open(new ModelFiles(config.model()).onnxModel(), models.vocabulary(),
        models.tokenizerJson(), cache);
  }

  /** One pass of score, gather and reason for one question (a hop); the first may have been scored in a batch. */
  private HopChain.Hop hop(ReasonStage.Request request, JobMetrics metrics) {
    Weighted question = request.tokens();
    Scored scored = firstHop;
    firstHop = null;
    if (scored == null || !Arrays.equals(scored.dna().question().ids(), question.ids())) {
      QuestionDna hopDna = dna.build(question);
      scored = new Scored(hopDna, scoring.score(List.of(hopDna), metrics).get(0));
    }
    ScoreSummary summary = scored.summary();
    List<Candidate> buffer = summary.top().best();
    ReelResult reel = reason(buffer, request, metrics);
    return new HopChain.Hop(question, scored.dna().gates(), summary, buffer, reel);
  }

  /** The reason stage over one hop's buffer, its attention on the backend --backend names. */
  private ReelResult reason(List<Candidate> buffer, ReasonStage.Request request, JobMetrics metrics) {
    StageClock reasonClock = StageClock.start("reason", buffer.size() + " buffered tokens");
    spark.setJobDescription("reel reason: evidence passages from " + buffer.size() + " buffered tokens");
    ComputeBackends.Chosen backend = ComputeBackends.choose(config.score().backend());
    ReelResult reel;
    try (AttentionKernel kernel = backend.backend().attention(config.score().alpha(), config.bufferBytes())) {
      reel = ReasonStage.run(spark, corpus.texts(), buffer, request, models.vectors(), models.attentionVectors(),
          kernel, config.positions(), models.vocabulary());
      if (kernel.peakDeviceBytes() > 0) {
        metrics.put("reason_device_bytes", kernel.peakDeviceBytes());
      }
    }
    if (!config.hasQuestion()) {
      reel = digest(reel, metrics);
    }
    metrics.put("backend_reason", backend.backend().name());
    if (backend.fallback() != null) {
      metrics.put("backend_reason_fallback", backend.fallback());
    }
    reasonClock.stop(metrics, buffer.size(), reel.passages().size() + " passages, "
        + (config.hasQuestion() ? "re-rank " : "digest ranking ")
        + String.format(Locale.ROOT, "%.2f", reel.rerankSeconds()) + " s");
    if (request.meaning() != null || !config.hasQuestion()) {
      metrics.put(config.hasQuestion() ? "rerank_seconds" : "digest_rank_seconds",
          Math.round(reel.rerankSeconds() * 1000) / 1000.0);
    }
    return reel;
  }

  /** The reel without a question ranked as a digest ({@link DigestRanking}), MiniLM opened for its repeats. */
  private ReelResult digest(ReelResult reel, JobMetrics metrics) {
    try (SentenceMeaning meaning = openMeaning(config, models, new SentenceCache())) {
      ReelResult digest = DigestRanking.rank(spark, corpus.documents(), reel, meaning);
      metrics.put("digest_passages", digest.ranked().size());
      return digest;
    }
  }

  /**
   * The last hop's counters into metrics.json (question_tokens: the tokens that hop asked for); returns the caught
   * count per gate, which reel.png draws too.
   */
  Map<String, Long> record(JobMetrics metrics, HopChain.Hop hop) {
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
    metrics.put("buffer_capacity_tokens", scoring.capacity());
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
