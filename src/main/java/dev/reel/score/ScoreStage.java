package dev.reel.score;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import dev.reel.chunk.ChunkStage;
import dev.reel.chunk.TokenChunk;
import dev.reel.config.ScoringRule;
import dev.reel.tokenize.TokenizedDoc;

/**
 * Score: every chunk scored on its executor for every question of the pass, promoted per chunk and question,
 * reduced to one bounded summary per question and partition.
 */
public final class ScoreStage {
  private ScoreStage() {}

  /** One list per partition: a summary per question of the batch, in its order. */
  public static JavaRDD<List<ScoreSummary>> run(ChunkStage chunks, JavaRDD<TokenizedDoc> documents, int partitions,
                                                Broadcast<ScoringBatch> batch, int capacity) {
    return chunks.mapChunks(documents, partitions, (partitionChunks, stats) -> {
      InjectedFault.maybeFail("score");
      ScoringBatch scoring = batch.value();
      List<QuestionDna> questions = scoring.questions();
      List<ScoreSummary> summaries = new ArrayList<>(questions.size());
      ComputeBackends.Chosen backend = backend(scoring.model());
      Optional<TaskGpu> gpu = TaskGpu.current();
      for (QuestionDna question : questions) {
        summaries.add(new ScoreSummary(capacity, question.gates().count(), stats, backend, gpu));
      }
      Promoter promoter = new Promoter(scoring.model().options().topP(), scoring.model().options().chunkBudget());
      try (ChunkScorer scorer = scorer(scoring.model(), backend)) {
        int batchChunks = scorer.batchChunks(questions.size());
        List<TokenChunk> pending = new ArrayList<>(Math.min(batchChunks, 1024));
        for (Iterator<TokenChunk> it = partitionChunks; it.hasNext(); ) {
          pending.add(it.next());
          if (pending.size() == batchChunks || !it.hasNext()) {
            scoreBatch(scorer, pending, questions, promoter, summaries);
            pending.clear();
          }
        }
      }
      return summaries;
    });
  }

  /** Scores a batch of chunks (one on the CPU) and promotes each chunk's tokens for each question. */
  private static void scoreBatch(ChunkScorer scorer, List<TokenChunk> batch, List<QuestionDna> questions,
                                 Promoter promoter, List<ScoreSummary> summaries) {
    long start = System.nanoTime();
    Promotions promotions = scorer.promoteAll(batch, questions, promoter);
    for (int q = 0; q < questions.size(); q++) {
      summaries.get(q).countCaught(promotions.caughtPerGate()[q]);
    }
    for (int c = 0; c < batch.size(); c++) {
      for (int q = 0; q < questions.size(); q++) {
        ScoreSummary summary = summaries.get(q);
        summary.countPromoted(Promoter.offer(batch.get(c), promotions.chunks().get(c).get(q), summary));
      }
    }
    // The pass's time goes to its first question's counters: the work is shared.
    summaries.get(0).addScoreNanos(System.nanoTime() - start);
  }

  /** The backend --backend names, as this executor can run it; null under --rule seed-l2 (plain Java, no backend). */
  private static ComputeBackends.Chosen backend(ScoringModel model) {
    return model.options().rule() == ScoringRule.DNA ? ComputeBackends.choose(model.options().backend()) : null;
  }

  /** The scorer of the rule the options name; the caller closes it. */
  private static ChunkScorer scorer(ScoringModel model, ComputeBackends.Chosen backend) {
    return switch (model.options().rule()) {
      case DNA -> backend.backend().scorer(model);
      case SEED_L2 -> new SeedL2Scorer(model);
    };
  }
}
