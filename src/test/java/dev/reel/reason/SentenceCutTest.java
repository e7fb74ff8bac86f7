package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences cut at sentence ends and blank lines, white space trimmed. */
class SentenceCutTest {
  @Test
  void sentencesAreCutAtSentenceEndsAndBlankLines() {
    String text = "  First one here. Second one\n \nthird after a blank line.  ";
    List<String> cut = SentenceCut.of(text).stream().map(b -> text.substring(b[0], b[1])).toList();
    assertEquals(List.of("First one here.", "Second one", "third after a blank line."), cut);
  }
}
