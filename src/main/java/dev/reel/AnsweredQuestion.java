package dev.reel;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import dev.reel.config.QuestionFile;
import dev.reel.metrics.JobMetrics;
import dev.reel.write.ReelRows;

/**
 * One question asked by {@link HighlightReel}: what its hops found, answer.json's fields, its counters (with the
 * caught count per gate that reel.png draws) and the seconds it took.
 *
 * @param index the question's place in the batch, from 0
 */
record AnsweredQuestion(QuestionFile.Question question, int index, QuestionPass.Answered answered,
                        Map<String, Object> fields, Map<String, Long> caughtPerGate, JobMetrics metrics,
                        double seconds) {
  HopChain.Hop hop() {
    return answered.hop();
  }

  /** Its kept tokens as rows of reel.parquet, with its id. */
  List<Row> reelRows(Models models) {
    return ReelRows.of(hop().buffer(), hop().reel(), hop().gates().names(), models.vocabulary(),
        question.id());
  }
}
