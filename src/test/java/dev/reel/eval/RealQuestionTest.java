package dev.reel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a real question is scored, and its rows kept across runs. */
class RealQuestionTest {
  @TempDir
  Path dir;

  private static final RealQuestion SWAP = new RealQuestion("q1", "What is the default swappiness?", List.of("60"),
      false, "The default value is 60", "vm.html", "same", "value");
  private static final RealQuestion MODES = new RealQuestion("q2", "Which modes are there?",
      List.of("writeback", "passthrough"), true, "three operating modes", "cache.html", "different", "list");

  @Test
  void evidenceMatchesAcrossCaseLineBreaksAndTypographicQuotes() {
    assertTrue(SWAP.heldBy("Notes.\n\nThe default\nvalue is 60."));
    assertFalse(SWAP.heldBy("The default is 60."));
    assertEquals(2, SWAP.rank(List.of("nothing here", "THE DEFAULT VALUE IS 60.")));
    assertEquals(0, SWAP.rank(List.of("nothing here")));
    assertEquals("it's \"x\"", RealQuestion.normal("It\u2019s  \u201cx\u201d"));
  }

  @Test
  void aListAnswerNeedsEveryItemAndAnUnanswerableQuestionNone() {
    assertTrue(MODES.answeredBy("writeback, writethrough, passthrough"));
    assertFalse(MODES.answeredBy("writeback"));
    assertTrue(SWAP.answeredBy("60"));
    assertFalse(SWAP.answeredBy(null));
    RealQuestion none = new RealQuestion("u1", "What is the capital of Peru?", null, false, null, null, "different",
        "none");
    assertFalse(none.answerable());
    assertFalse(none.heldBy("Lima is the capital of Peru."));
  }

  @Test
  void questionSetsReadFromJsonLinesIgnoringUnknownFields() throws Exception {
    Path set = dir.resolve("set.jsonl");
    Files.writeString(set, "{\"id\":\"a\",\"question\":\"Q?\",\"answers\":[\"x\"],\"evidence\":\"e\",\"note\":1}\n\n");
    List<RealQuestion> read = RealQuestion.read(set);
    assertEquals(1, read.size());
    assertEquals(List.of("x"), read.get(0).answers());
  }

  @Test
  void rowsSurviveTheirCsvWithCommasQuotesAndNullAnswers() throws Exception {
    QuestionRows rows = new QuestionRows(dir.resolve("rows.csv"));
    QuestionRows.Row quoted = new QuestionRows.Row("c", "default", "q1", "same", true, 1, "a, \"b\"\nc", true, 0.5,
        2, 3, 1.25, 0.5, 100, "abc", true, 4);
    QuestionRows.Row none = new QuestionRows.Row("c", "default", "u1", "different", false, 0, null, false, 0.2, 0,
        0, 1, 0.4, 100, "abc", false, -1);
    rows.append(quoted);
    rows.append(none);
    List<QuestionRows.Row> back = new QuestionRows(dir.resolve("rows.csv")).rows();
    assertEquals("a, \"b\" c", back.get(0).answer());
    assertEquals(quoted.rank(), back.get(0).rank());
    assertTrue(back.get(0).inReel());
    assertEquals(4, back.get(0).denseInDocument());
    assertEquals(null, back.get(1).answer());
  }
}
