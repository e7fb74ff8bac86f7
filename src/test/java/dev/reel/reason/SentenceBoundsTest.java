package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void growthIsCapped() {
    String run = "x".repeat(2000);
    assertEquals(1000 - SentenceBounds.MAX_GROWTH, SentenceBounds.start(run, 1000));
    assertEquals(1001 + SentenceBounds.MAX_GROWTH, SentenceBounds.end(run, 1001));
  }
}
