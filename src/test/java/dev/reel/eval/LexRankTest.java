package dev.reel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LexRankTest {
  private static final List<String> SENTENCES = List.of(
      "The harbour pilots guided the whaling ships into the harbour at dawn.",
      "Whaling ships left the harbour at dawn with their pilots.",
      "At dawn the pilots met the whaling ships outside the harbour.",
      "Quantum chromodynamics describes gluons binding quarks.",
      "The ships of the whaling fleet waited for the harbour pilots.");

  @Test
  void aSentenceLikeManyOthersOutranksOneLikeNone() {
    double[] scores = LexRank.scores(SENTENCES);
    assertEquals(1.0, Arrays.stream(scores).sum(), 1e-9);
    for (int s : new int[] {0, 1, 2, 4}) {
      assertTrue(scores[s] > scores[3], s + ": " + Arrays.toString(scores));
    }
  }

  @Test
  void baselinesStopAtTheBudgetAndCountWholeSentences() {
    double[] scores = LexRank.scores(SENTENCES);
    List<String> picked = DigestBaselines.byScore(SENTENCES, scores, 1);
    assertEquals(1, picked.size(), "one sentence already holds the budget");
    List<String> all = DigestBaselines.random(SENTENCES, Long.MAX_VALUE, new SplittableRandom(3));
    assertEquals(SENTENCES.size(), all.size());
    assertTrue(all.containsAll(SENTENCES));
    assertEquals(1, DigestBaselines.found(List.of(SENTENCES.get(3), "Not planted anywhere."), all));
    assertEquals(0, DigestBaselines.found(List.of(SENTENCES.get(3)), List.of("Quantum chromodynamics")),
        "a piece of a planted sentence is not the sentence");
  }

  @Test
  void functionWordsAreCountedAmongWholeWordsOnly() {
    assertEquals(0.5, FunctionWords.share(List.of("the", "harbour", "##s", ",", "of", "pilots", "42")), 1e-9);
  }
}
