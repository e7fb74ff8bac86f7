package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import dev.reel.config.ModelOptions;
import dev.reel.model.ModelFiles;
import dev.reel.model.SentenceCache;
import dev.reel.model.Vocabulary;
import dev.reel.testing.ModelCache;

/** The digest's head without repeats, told apart by the real MiniLM: a mail sent again moves back, nothing is lost. */
class DigestDiversityTest {
  private static Evidence passage(String text, double score) {
    return new Evidence("s", "d", 0, 0, 0, text.length(), text, score, List.of());
  }

  @Test
  void aRepeatMovesBehindTheHeadAndReportsOfDistinctEventsStay() {
    String bridge = "On 2 June 1933, the chemist Mira Halvik opened the Kestrel Bridge in Tharith.";
    String summit = "On 24 May 1946, Halou Kizan reached the summit of Mount Maendor, 4962 metres high.";
    String summitToo = "On 16 December 1900, Grum Quuvik reached the summit of Mount Ferrae, 6337 metres high.";
    String resent = "> " + bridge.replace("  ", " ");
    String sea = "The ship sailed on through the long grey morning while the crew mended every torn sail.";
    List<Evidence> ranked = List.of(passage(bridge, 3), passage(summit, 2.5), passage(resent, 2),
        passage(summitToo, 1.5), passage(sea, 0));
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, ModelCache.dir()));
    try (SentenceMeaning meaning = SentenceMeaning.open(files.onnxModel(), Vocabulary.parse(files.tokenizerJson()),
        files.tokenizerJson(), new SentenceCache())) {
      List<Evidence> digest = DigestDiversity.withoutRepeats(ranked, meaning);
      assertEquals(List.of(bridge, summit, summitToo, sea, resent), digest.stream().map(Evidence::text).toList(),
          "the repeat closes the head; the two summits, alike in shape, both stay; nothing is dropped");
    }
  }
}
