package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import dev.reel.cli.ReelOptions;
import dev.reel.config.QuestionFile.Question;
import dev.reel.testing.Corpora;
import dev.reel.testing.SparkSessions;

/**
 * The pipeline API on documents handed over as a Dataset: Moby Dick's chapters as rows, a pass key planted in one,
 * and three rows that cannot be documents. The key is answered, every row is accounted for, and the reel does not
 * depend on how the Dataset is partitioned.
 */
class PipelineApiEndToEndTest {
  private static final StructType DOCUMENTS = new StructType()
      .add("id", DataTypes.StringType, true)
      .add("text", DataTypes.StringType, true);
  private static final List<Question> QUESTIONS = List.of(new Question("key", "What is the pass key?", 0),
      new Question("whale", "What colour is the whale?", 0));

  @Test
  void aDatasetOfDocumentsIsAnsweredWithEveryRowAccountedFor() throws IOException {
    SparkSession session = SparkSessions.shared();
    List<Row> rows = new ArrayList<>();
    List<Path> chapters = Corpora.mobyDickChapters();
    for (int c = 0; c < chapters.size(); c++) {
      String text = Corpora.read(chapters.get(c));
      if (c == chapters.size() / 2) {
        text = Corpora.plant(text, "The pass key is 48213. Remember it. 48213 is the pass key.", 0.5);
      }
      rows.add(RowFactory.create(chapters.get(c).getFileName().toString(), text));
    }
    rows.add(RowFactory.create(null, "A row without an id."));
    rows.add(RowFactory.create("blank", "  \n "));
    rows.add(RowFactory.create("no-text", null));
    Dataset<Row> documents = session.createDataFrame(rows, DOCUMENTS);

    List<List<String>> reels = new ArrayList<>();
    try (HighlightReel reel = HighlightReel.open(session, ReelOptions.parse())) {
      for (int partitions : new int[] {1, 4}) {
        try (ReelCorpus corpus = reel.corpus(documents.repartition(partitions))) {
          assertEquals(chapters.size(), corpus.documentCount());
          assertEquals(3, corpus.rejectedCount());
          assertEquals(Set.of("the row's id is null", "the row's text is blank", "the row's text is null"),
              corpus.rejects().collectAsList().stream().map(r -> r.getString(2)).collect(Collectors.toSet()));
          assertTrue(corpus.tokenCount() > 200_000, corpus.tokenCount() + " tokens");

          ReelAnswers found = reel.ask(corpus, QUESTIONS);
          List<Row> answers = found.answers().orderBy("id").collectAsList();
          assertEquals(List.of("key", "whale"), answers.stream().map(r -> r.getString(0)).toList());
          assertEquals("48213", answers.get(0).getAs("answer"));
          assertEquals(chapters.get(chapters.size() / 2).getFileName().toString(), answers.get(0).getAs("source"));
          assertEquals(Set.of("key", "whale"), found.reel().select("question_id").distinct().collectAsList()
              .stream().map(r -> r.getString(0)).collect(Collectors.toSet()));
          reels.add(found.reel().orderBy("question_id", "position").collectAsList().stream()
              .map(Row::toString).toList());
        }
      }
    }
    assertTrue(reels.get(0).size() > 1000, reels.get(0).size() + " kept tokens");
    assertEquals(reels.get(0), reels.get(1), "one partition and four give the same reel");
  }

  @Test
  void aDatasetWithoutTheColumnsOrTextOrABadOptionIsRefusedClearly() throws IOException {
    SparkSession session = SparkSessions.shared();
    IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
        () -> ReelOptions.parse("--alpha", "2"));
    assertTrue(option.getMessage().contains("--alpha"), option.getMessage());
    try (HighlightReel reel = HighlightReel.open(session, ReelOptions.parse())) {
      Dataset<Row> wrong = session.createDataFrame(List.of(RowFactory.create("a", "b")), new StructType()
          .add("name", DataTypes.StringType).add("body", DataTypes.StringType));
      IllegalArgumentException columns = assertThrows(IllegalArgumentException.class, () -> reel.corpus(wrong));
      assertTrue(columns.getMessage().contains("id and text") && columns.getMessage().contains("name"),
          columns.getMessage());
      Dataset<Row> nothing = session.createDataFrame(List.of(RowFactory.create("blank", " "),
          RowFactory.create("no-text", null)), DOCUMENTS);
      IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> reel.corpus(nothing));
      assertTrue(empty.getMessage().contains("2 rows rejected") && empty.getMessage().contains("the row's text is"),
          empty.getMessage());
    }
  }
}
