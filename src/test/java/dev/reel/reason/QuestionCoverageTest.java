package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.reel.model.TokenVectors;
import dev.reel.score.AttentionKernel;
import dev.reel.score.Candidate;
import dev.reel.score.cpu.CpuBackend;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * Coverage over one-hot token vectors (a token matches itself 1 and any other 0), so every count is exact: "pass" is
 * token 1, "key" token 2, "-" token 3, a digit piece token 4; the question asks for pass (weight 0.25) then key (0.4).
 */
class QuestionCoverageTest {
  private static final int PASS = 1;
  private static final int KEY = 2;
  private static final int HYPHEN = 3;
  private static final int DIGITS = 4;
  private static final Weighted QUESTION = new Weighted(new int[] {PASS, KEY}, new float[] {0.25f, 0.4f});

  private final List<Candidate> buffer = new ArrayList<>();

  private List<Candidate> passage(long from, int... ids) {
    List<Candidate> tokens = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      Candidate token = new Candidate(from + i, 1, 0, ids[i], 0, 0, -1, 0, 0, 0);
      tokens.add(token);
      buffer.add(token);
    }
    return tokens;
  }

  private double coverage(List<Candidate> passage) {
    TokenVectors oneHot = oneHot(5);
    QuestionAttention match;
    try (AttentionKernel kernel = new CpuBackend().attention(0, 0)) {
      match = QuestionAttention.over(buffer, QUESTION, oneHot, kernel);
    }
    Map<Candidate, Integer> rows = new IdentityHashMap<>();
    for (int t = 0; t < buffer.size(); t++) {
      rows.put(buffer.get(t), t);
    }
    return QuestionCoverage.coverage(passage, match, rows, QUESTION.weights());
  }

  @Test
  void eachCountSaturatesAsBm25AndTheSumIsNormalised() {
    List<Candidate> phraseTwice = passage(0, PASS, KEY, DIGITS, DIGITS, PASS, KEY);
    // pass 2, key 2, the ordered pair 2: every count gives 2 / 3.
    assertEquals(2.0 / 3, coverage(phraseTwice), 1e-6);
  }

  @Test
  void bothWordsOnceOutrankOneWordFiveTimes() {
    List<Candidate> both = passage(0, PASS, KEY, DIGITS);
    List<Candidate> keyFiveTimes = passage(100, KEY, DIGITS, KEY, DIGITS, KEY, DIGITS, KEY, DIGITS, KEY);
    assertTrue(coverage(both) > coverage(keyFiveTimes), coverage(both) + " vs " + coverage(keyFiveTimes));
    assertTrue(coverage(keyFiveTimes) < QUESTION.weights()[1] / (0.25 + 0.4 + 0.325), "key alone holds its share");
  }

  @Test
  void thePhraseInQuestionOrderCountsOnlySideBySide() {
    List<Candidate> phrase = passage(0, PASS, KEY);
    List<Candidate> hyphenated = passage(100, PASS, HYPHEN, KEY);
    List<Candidate> reversed = passage(200, KEY, PASS);
    double unigramsOnly = (0.25 * 0.5 + 0.4 * 0.5) / (0.25 + 0.4 + 0.325);
    assertEquals(unigramsOnly, coverage(hyphenated), 1e-6);
    assertEquals(unigramsOnly, coverage(reversed), 1e-6);
    assertEquals(unigramsOnly + 0.325 * 0.5 / (0.25 + 0.4 + 0.325), coverage(phrase), 1e-6);
  }

  @Test
  void matchesCountTogetherOnlyWithinOneWindow() {
    List<Candidate> near = passage(0, PASS, DIGITS, KEY);
    List<Candidate> far = new ArrayList<>(passage(100, PASS, DIGITS));
    far.addAll(passage(100 + QuestionCoverage.WINDOW, KEY));
    double passAlone = 0.25 * 0.5 / (0.25 + 0.4 + 0.325);
    double keyAlone = 0.4 * 0.5 / (0.25 + 0.4 + 0.325);
    assertEquals(passAlone + keyAlone, coverage(near), 1e-6);
    assertEquals(keyAlone, coverage(far), 1e-6, "the best window holds key alone");
  }

  @Test
  void aPassageWithoutQuestionWordsHoldsNothing() {
    assertEquals(0, coverage(passage(0, DIGITS, HYPHEN, DIGITS)), 0);
  }

  private static TokenVectors oneHot(int vocab) {
    float[] rows = new float[vocab * vocab];
    for (int t = 0; t < vocab; t++) {
      rows[t * vocab + t] = 1;
    }
    return new TokenVectors(vocab, vocab, rows);
  }
}
