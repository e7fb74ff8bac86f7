package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import dev.reel.tokenize.TokenizedDoc;

/** Span sentences cut from their document: a short unkept sentence between two kept ones is bridged, a long one not. */
class SpanSentencesTest {
  private static List<SpanContext> cut(String text, String... kept) {
    TokenizedDoc doc = new TokenizedDoc("s", "d", 0, text, new int[0], new int[0], new int[0], 0, 0);
    List<int[]> requests = new java.util.ArrayList<>();
    for (int s = 0; s < kept.length; s++) {
      int at = text.indexOf(kept[s]);
      requests.add(new int[] {s, at, at + kept[s].length()});
    }
    return ReasonStage.cut(doc, requests);
  }

  @Test
  void oneShortSentenceBetweenKeptOnesJoinsThemIntoOnePassage() {
    String text = "Waves. The pass key is 58654. Remember it. 58654 is the pass key. Gulls.";
    List<SpanContext> cut = cut(text, "pass key is", "is the pass");
    assertEquals("The pass key is 58654. Remember it. ", cut.get(0).text());
    assertEquals(cut.get(1).start(), cut.get(0).end(), "the two touch, so the merger joins them");
    assertEquals("58654 is the pass key.", cut.get(1).text());
  }

  @Test
  void aLongSentenceBetweenKeepsThemApart() {
    String between = "The ship sailed on through the long grey morning while the crew mended every torn sail. ";
    String text = "The pass key is 58654. " + between + "58654 is the pass key.";
    List<SpanContext> cut = cut(text, "pass key is", "is the pass");
    assertEquals("The pass key is 58654.", cut.get(0).text());
    assertEquals(text.indexOf("58654 is"), cut.get(1).start());
  }
}
