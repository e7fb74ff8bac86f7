package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.reel.score.Candidate;

/** The exact answer from a passage's kept tokens; token ids here are 1 "pass", 2 "key", 3 "58", 4 "##65", 5 ".". */
class AnswerExtractorTest {
  private static final String TEXT = "The pass key is 58654. Remember it.";
  private static final Set<Integer> QUESTION = Set.of(1, 2);

  private static Candidate token(long position, int id, String word, int occurrence) {
    int start = TEXT.indexOf(word);
    for (int i = 0; i < occurrence; i++) {
      start = TEXT.indexOf(word, start + 1);
    }
    return new Candidate(position, 1, 0, id, start, start + word.length(), -1, 0, 0, 0);
  }

  private static String extract(List<Candidate> kept) {
    Evidence passage = new Evidence("s", "d", kept.get(0).position(), kept.get(kept.size() - 1).position(), 0,
        TEXT.length(), TEXT, 1, kept);
    Map<Candidate, Double> weights = new IdentityHashMap<>();
    kept.forEach(t -> weights.put(t, 1.0));
    return AnswerExtractor.extract(passage, weights, QUESTION, id -> id != 5, id -> id == 5);
  }

  @Test
  void anAnswerMissingItsLastWordPieceIsStillTheWholeNumber() {
    // The buffer kept "58" and "##65" but had no room for "##4".
    List<Candidate> kept = List.of(token(1, 1, "pass", 0), token(2, 2, "key", 0), token(4, 3, "58", 0),
        token(5, 4, "65", 0));
    assertEquals("58654", extract(kept));
  }

  @Test
  void aPassageOfNothingButTheQuestionWordsHasNoAnswer() {
    assertNull(extract(List.of(token(1, 1, "pass", 0), token(2, 2, "key", 0))));
  }

  @Test
  void aClauseAfterAQuestionTokenThatStartsAWordStartsAfterThatWord() {
    String text = "It frees pages, as well as reclaimable slab objects.";
    Candidate page = new Candidate(1, 1, 0, 1, text.indexOf("pages"), text.indexOf("pages") + 4, -1, 0, 0, 0);
    Candidate s = new Candidate(2, 1, 0, 7, text.indexOf("pages") + 4, text.indexOf("pages") + 5, -1, 0, 0, 0);
    Candidate reclaimable = new Candidate(5, 1, 0, 8, text.indexOf("reclaimable"),
        text.indexOf("reclaimable") + 11, -1, 0, 0, 0);
    Candidate slab = new Candidate(6, 1, 0, 9, text.indexOf("slab"), text.indexOf("slab") + 4, -1, 0, 0, 0);
    List<Candidate> kept = List.of(page, s, reclaimable, slab);
    Evidence passage = new Evidence("s", "d", 1, 6, 0, text.length(), text, 1, kept);
    Map<Candidate, Double> weights = new IdentityHashMap<>();
    kept.forEach(t -> weights.put(t, t == s ? 0.0 : 1.0));
    String clause = AnswerExtractor.extract(passage, weights, Set.of(1), id -> true, id -> false);
    assertTrue(clause.endsWith("reclaimable slab objects."), clause);
    assertTrue(text.contains(clause), clause);
    int at = text.indexOf(clause);
    assertTrue(at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)), "starts inside a word: " + clause);
  }

  @Test
  void aClauseKeepsThePathItStartsWith() {
    String text = "It looks through the kernel command line (/proc/cmdline) and collects module parameters.";
    Candidate line = new Candidate(1, 1, 0, 1, text.indexOf("line"), text.indexOf("line") + 4, -1, 0, 0, 0);
    Candidate proc = new Candidate(4, 1, 0, 8, text.indexOf("proc"), text.indexOf("proc") + 4, -1, 0, 0, 0);
    Candidate cmdline = new Candidate(5, 1, 0, 9, text.indexOf("cmdline"), text.indexOf("cmdline") + 7, -1, 0, 0,
        0);
    List<Candidate> kept = List.of(line, proc, cmdline);
    Evidence passage = new Evidence("s", "d", 1, 5, 0, text.length(), text, 1, kept);
    Map<Candidate, Double> weights = new IdentityHashMap<>();
    kept.forEach(t -> weights.put(t, 1.0));
    String clause = AnswerExtractor.extract(passage, weights, Set.of(1), id -> true, id -> false);
    assertTrue(clause.startsWith("/proc/cmdline"), clause);
  }
}
