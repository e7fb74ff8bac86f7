package dev.reel.score;

import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import dev.reel.chunk.ChunkStage;
import dev.reel.chunk.TokenChunk;
import dev.reel.score.cpu.TorchChunkScorer;
import dev.reel.tokenize.TokenizedDoc;

/** Score: every chunk scored on its executor, promoted per chunk, reduced to one bounded summary per partition. */
public final class ScoreStage {
  private ScoreStage() {}

  public static JavaRDD<ScoreSummary> run(ChunkStage chunks, JavaRDD<TokenizedDoc> documents, int partitions,
                                          Broadcast<ScoringModel> model, int capacity) {
    return chunks.mapChunks(documents, partitions, (partitionChunks, stats) -> {
      InjectedFault.maybeFail("score");
      ScoringModel scoring = model.value();
      ScoreSummary summary = new ScoreSummary(capacity, scoring.gates().count(), stats);
      Promoter promoter = new Promoter(scoring.options().topP(), scoring.options().chunkBudget());
      try (ChunkScorer scorer = scorer(scoring)) {
        for (Iterator<TokenChunk> it = partitionChunks; it.hasNext(); ) {
          TokenChunk chunk = it.next();
          long start = System.nanoTime();
          ChunkScores scores = scorer.score(chunk);
          summary.countCaught(scores.gate());
          for (Candidate candidate : promoter.promote(chunk, scores)) {
            summary.offer(candidate);
          }
          summary.addScoreNanos(System.nanoTime() - start);
        }
      }
      return summary;
    });
  }

  /** The scorer of the rule the options name; the caller closes it. */
  static ChunkScorer scorer(ScoringModel model) {
    return switch (model.options().rule()) {
      case DNA -> new TorchChunkScorer(model);
      case SEED_L2 -> new SeedL2Scorer(model);
    };
  }
}
