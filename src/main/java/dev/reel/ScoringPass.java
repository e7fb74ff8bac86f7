package dev.reel;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import dev.reel.chunk.ChunkStage;
import dev.reel.config.ReelConfig;
import dev.reel.gather.GatherStage;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.StageClock;
import dev.reel.score.QuestionDna;
import dev.reel.score.ScoreStage;
import dev.reel.score.ScoreSummary;
import dev.reel.score.ScoringBatch;
import dev.reel.score.ScoringModel;
import dev.reel.tokenize.PositionStage.PlacedCorpus;

/**
 * One chunk, score and gather pass over the corpus for a batch of questions (often one): the question-independent
 * model and every question's DNA travel in one broadcast; each question gets its own bounded buffer.
 */
final class ScoringPass {
  private final ReelConfig config;
  private final Models models;
  private final JavaSparkContext spark;
  private final PlacedCorpus corpus;

  ScoringPass(ReelConfig config, Models models, JavaSparkContext spark, PlacedCorpus corpus) {
    this.config = config;
    this.models = models;
    this.spark = spark;
    this.corpus = corpus;
  }

  /** Tokens each question's buffer holds at most. */
  int capacity() {
    return GatherStage.capacity(config.bufferBytes(), models.vectors().dims());
  }

  /** Each question's summary (its buffer and counters), in the order given. */
  List<ScoreSummary> score(List<QuestionDna> questions, JobMetrics metrics) {
    Broadcast<ScoringBatch> batch = spark.broadcast(new ScoringBatch(new ScoringModel(models.attentionVectors(),
        config.score(), config.chunk().chunkTokens(), models.rawNorms(), models.contextual()), questions));
    ChunkStage chunks = new ChunkStage(config.chunk(), corpus.tokenCount());
    int partitions = config.chunk().partitions() > 0 ? config.chunk().partitions()
        : chunks.defaultPartitions(spark.defaultParallelism());
    String what = questions.size() == 1 ? "" : ", " + questions.size() + " questions";
    StageClock clock = StageClock.start("score", chunks.chunkCount() + " chunks in " + partitions + " partitions"
        + what);
    spark.setJobDescription("reel chunk, score and gather: " + chunks.chunkCount() + " chunks" + what);
    List<ScoreSummary> summaries = GatherStage.run(ScoreStage.run(chunks, corpus.documents(), partitions, batch,
        capacity()));
    batch.destroy();
    long promoted = summaries.stream().mapToLong(ScoreSummary::promoted).sum();
    long kept = summaries.stream().mapToLong(s -> s.top().size()).sum();
    clock.stop(metrics, corpus.tokenCount(), promoted + " promoted, " + kept + " kept");
    metrics.stageTaskSeconds("chunk", summaries.get(0).chunkNanos() / 1e9);
    metrics.stageTaskSeconds("score", summaries.get(0).scoreNanos() / 1e9);
    metrics.put("partitions", partitions);
    metrics.put("backend_score", summaries.get(0).backend());
    if (summaries.get(0).fallback() != null) {
      metrics.put("backend_score_fallback", summaries.get(0).fallback());
    }
    if (!summaries.get(0).taskGpus().isEmpty()) {
      metrics.put("score_task_gpus", summaries.get(0).taskGpus());
    }
    return summaries;
  }
}
