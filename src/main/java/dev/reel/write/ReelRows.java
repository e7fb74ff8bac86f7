package dev.reel.write;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import dev.reel.model.Vocabulary;
import dev.reel.reason.ReelResult;
import dev.reel.score.Candidate;

/** A buffer's kept tokens as rows of reel.parquet ({@link ReelSchema}), in position order. */
public final class ReelRows {
  private ReelRows() {}

  /** With a question_id column ({@link ReelSchema#WITH_QUESTION}) when {@code questionId} is not null. */
  public static List<Row> of(List<Candidate> buffer, ReelResult reel, List<String> gateNames, Vocabulary vocabulary,
                             String questionId) {
    List<Row> rows = new ArrayList<>(buffer.size());
    buffer.stream().sorted(Comparator.comparingLong(Candidate::position)).forEach(c -> {
      String[] doc = reel.documents().get(c.docIndex());
      Object[] values = {doc[0], doc[1], c.position(), c.charStart(), c.charEnd(), c.tokenId(),
          vocabulary.token(c.tokenId()), c.score(), c.gravity(), c.attention(), c.relevance(),
          c.gate() >= 0 ? gateNames.get(c.gate()) : null};
      if (questionId == null) {
        rows.add(RowFactory.create(values));
      } else {
        Object[] withId = Arrays.copyOf(values, values.length + 1);
        withId[values.length] = questionId;
        rows.add(RowFactory.create(withId));
      }
    });
    return rows;
  }
}
