package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SentenceBoundsTest {
  private static final String TEXT = "It rained. The pass key is 71432. Remember it.\n\nNew paragraph here";

  @Test
  void growsToTheSentenceAroundTheRange() {
    int start = TEXT.indexOf("pass");
    int end = start + "pass key".length();
    assertEquals("The pass key is 71432.",
        TEXT.substring(SentenceBounds.start(TEXT, start), SentenceBounds.end(TEXT, end)));
  }

  @Test
  void stopsAtParagraphBreaksAndTextEnds() {
    int start = TEXT.indexOf("paragraph");
    assertEquals("New paragraph here", TEXT.substring(SentenceBounds.start(TEXT, start),
        SentenceBounds.end(TEXT, start + 3)));
    assertEquals(0, SentenceBounds.start(TEXT, 2));
  }

  @Test
  void growthIsCappedAtAWordBoundary() {
    String run = "lorem ipsum dolor ".repeat(200);
    int start = SentenceBounds.start(run, 1000);
    int end = SentenceBounds.end(run, 1001);
    assertTrue(start >= 1000 - SentenceBounds.MAX_GROWTH && start < 1000 - SentenceBounds.MAX_GROWTH + 8, "" + start);
    assertTrue(end <= 1001 + SentenceBounds.MAX_GROWTH && end > 1001 + SentenceBounds.MAX_GROWTH - 8, "" + end);
    assertTrue(start == 0 || run.charAt(start - 1) == ' ', "starts inside a word: " + start);
    assertTrue(end == run.length() || run.charAt(end) == ' ', "ends inside a word: " + end);
  }

  @Test
  void aWordLongerThanTheCapIsKeptWhole() {
    String text = "see " + "x".repeat(2000) + " end";
    assertEquals(4, SentenceBounds.start(text, 1000));
    assertEquals(2004, SentenceBounds.end(text, 1001));
  }
}
