package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the meaning re-rank compares: a document's title line is not one of a passage's sentences. */
class SemanticRerankTest {
  private static Evidence passage(String text, int charStart) {
    return new Evidence("m.mbox", "m-1", 0, 10, charStart, charStart + text.length(), text, 1, List.of());
  }

  private static List<String> compared(Evidence passage) {
    return SemanticRerank.withoutTitle(passage, SemanticRerank.sentences(passage.text())).stream()
        .map(b -> passage.text().substring(b[0], b[1])).toList();
  }

  @Test
  void aSubjectLineOrPageTitleIsNotComparedButTheBodyIs() {
    String mail = "Subject: Debian-style task-packages for RH8.0 available\n\nYou can re-generate the specs by "
        + "running comps2task. It reads comps.xml.";
    assertEquals(List.of("You can re-generate the specs by running comps2task.", "It reads comps.xml."),
        compared(passage(mail, 0)));
    assertEquals(List.of(), compared(passage("Security bugs — The Linux Kernel documentation", 0)),
        "a passage that is only a title compares nothing");
  }

  @Test
  void aDocumentsFirstSentenceOrALaterPassageKeepsEverySentence() {
    String needle = "The pass key is 58654. Remember it.\n\nThe grass is green.";
    assertEquals(SemanticRerank.sentences(needle).size(), compared(passage(needle, 0)).size(),
        "a first paragraph ending a sentence is no title");
    String later = "Subject lines quoted later\n\nare plain text.";
    assertEquals(2, compared(passage(later, 120)).size(), "only a passage starting its document has a title");
  }
}
