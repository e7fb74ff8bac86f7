package dev.reel.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import dev.reel.score.Candidate;

/**
 * The exact answer inside the best passage: kept tokens form runs (consecutive positions, broken at punctuation and
 * at the question's own tokens); runs lose their leading and trailing function words; the run holding the most
 * final-pass weight, each token's weight discounted by its distance to the nearest question token of the same
 * sentence (answers stand next to what was asked; a token with no question token in its sentence counts nothing)
 * and multiplied by how many distinct question tokens its sentence holds, is the answer. "The pass key is 71432." asked "What is the pass key?" gives "71432". A run with a digit, or with
 * no lower-case letter (a key, a code, a variable), is the answer as it stands; any other run is a fragment of a
 * phrase, so the answer grows to the rest of its clause: from just after the last question token before it (or
 * from the run) to the end of the sentence, leading function words dropped.
 */
final class AnswerExtractor {
  private AnswerExtractor() {}

  /**
   * Returns the answer's text, or null when the passage holds no kept token outside the question.
   *
   * @param isWord    whether a token id is a content word (not punctuation, not a function word)
   * @param isPunct   whether a token id is punctuation, which ends a run
   */
  static String extract(Evidence best, Map<Candidate, Double> weights, Set<Integer> question, IntPredicate isWord,
                        IntPredicate isPunct) {
    List<Candidate> inside = best.tokens();
    List<Candidate> bestRun = null;
    double bestWeight = 0;
    List<Candidate> run = new ArrayList<>();
    for (int i = 0; i <= inside.size(); i++) {
      Candidate token = i < inside.size() ? inside.get(i) : null;
      boolean breaks = token == null || question.contains(token.tokenId()) || isPunct.test(token.tokenId())
          || (!run.isEmpty() && token.position() - run.get(run.size() - 1).position() > 1);
      if (breaks) {
        List<Candidate> trimmed = trim(run, isWord);
        double weight = trimmed.isEmpty() ? 0 : coverage(trimmed.get(0), inside, question, best) * trimmed.stream()
            .mapToDouble(t -> weights.get(t) / (1 + distance(t, inside, question, best) / 2.0)).sum();
        if (!trimmed.isEmpty() && weight > bestWeight) {
          bestWeight = weight;
          bestRun = trimmed;
        }
        run = new ArrayList<>();
      }
      if (token != null && !question.contains(token.tokenId()) && !isPunct.test(token.tokenId())) {
        run.add(token);
      }
    }
    if (bestRun == null) {
      return null;
    }
    String text = best.text();
    int from = bestRun.get(0).charStart() - best.charStart();
    int to = bestRun.get(bestRun.size() - 1).charEnd() - best.charStart();
    // A run may miss a word piece the buffer had no room for ("58", "##65" of "58654"): answers are whole words,
    // and a path or name is one word ("/proc/cmdline", "vm.swappiness", "pfifo_fast").
    while (from > 0 && inWord(text, from - 1)) {
      from--;
    }
    while (to < text.length() && inWord(text, to)) {
      to++;
    }
    String exact = text.substring(from, to);
    if (exact.codePoints().anyMatch(Character::isDigit) || exact.codePoints().noneMatch(Character::isLowerCase)) {
      return exact;
    }
    return clause(best, inside, bestRun.get(0), question, from, to);
  }

  /**
   * A letter or digit, or a path's, address's or name's joiner: "/" before anything but a space, ":" before "/",
   * "_", "." or "-" between two letters or digits.
   */
  private static boolean inWord(String text, int i) {
    char c = text.charAt(i);
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    boolean next = i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
    if (c == '/' || c == ':') {
      // "http://host/path": a slash joins anything on its line, a colon only before a slash.
      return next && (c == '/' || text.charAt(i + 1) == '/');
    }
    boolean joiner = c == '_' || c == '.' || c == '-';
    return joiner && next && Character.isLetterOrDigit(text.charAt(i + 1)) && i > 0
        && Character.isLetterOrDigit(text.charAt(i - 1));
  }

  /** The run's clause: after the last question token before it in its sentence, to the sentence's end. */
  private static String clause(Evidence best, List<Candidate> inside, Candidate first, Set<Integer> question,
                               int from, int to) {
    int start = from;
    for (Candidate token : inside) {
      if (token.position() < first.position() && question.contains(token.tokenId())
          && sameSentence(best, token, first)) {
        start = token.charEnd() - best.charStart();
      }
    }
    String text = best.text();
    int end = Math.max(to, Math.min(text.length(), SentenceBounds.end(text, to)));
    int begin = Math.max(0, Math.min(start, from));
    // A question token may be a word's first piece ("page" of "pages", "/" of "/proc/cmdline"): the clause starts
    // after the whole word.
    while (begin > 0 && begin < from && !Character.isWhitespace(text.charAt(begin - 1))
        && !Character.isWhitespace(text.charAt(begin))) {
      begin++;
    }
    // The answering clause starts at the last clause break before the run ("... insurance policy, and so tonight I
    // propose ..." answers from "tonight"), not inside the clause that held the question's words.
    for (int i = from - 1; i > begin; i--) {
      char c = text.charAt(i);
      if (c == ',' || c == ';' || c == ':' || c == '\u2014') {
        begin = i + 1;
        break;
      }
    }
    String clause = dropLeadingFragment(text.substring(begin, end).strip());
    return dropLeadingFunctionWords(clause).replaceAll("\\s+", " ");
  }

  /**
   * A clause that opens with the tail of the question's clause ("policy, and so tonight I propose ...") starts after
   * that tail's break, when at most {@link #FRAGMENT_WORDS} words stand before it.
   */
  private static String dropLeadingFragment(String clause) {
    java.util.regex.Matcher m = LEADING_FRAGMENT.matcher(clause);
    return m.find() && clause.length() - m.end() > 0 ? clause.substring(m.end()) : clause;
  }

  /** Words of a question clause's tail that {@link #dropLeadingFragment} drops at most. */
  static final int FRAGMENT_WORDS = 3;
  private static final java.util.regex.Pattern LEADING_FRAGMENT = java.util.regex.Pattern.compile(
      "^(?:\\S+\\s+){0," + (FRAGMENT_WORDS - 1) + "}?\\S*[,;:]\\s+");

  /** Leading punctuation a clause drops: not a path's "/" or "~", a number's "-" or "$", an option's "-". */
  private static final String LEADING_PUNCTUATION = "^[^\\p{L}\\p{N}/~$\\-]+";

  private static String dropLeadingFunctionWords(String clause) {
    String rest = clause.replaceFirst(LEADING_PUNCTUATION, "");
    while (true) {
      int space = rest.indexOf(' ');
      String word = (space < 0 ? rest : rest.substring(0, space)).toLowerCase();
      if (space < 0 || dev.reel.tokenize.QuestionTokens.isContent(word)) {
        return rest;
      }
      rest = rest.substring(space + 1).replaceFirst(LEADING_PUNCTUATION, "");
    }
  }

  /**
   * Distinct question tokens kept in the token's sentence: a passage can merge several sentences, and the one that
   * matches the most of the question holds its answer ("VAR A = VAR B" over "a matter of uncommon value").
   */
  private static int coverage(Candidate token, List<Candidate> inside, Set<Integer> question, Evidence passage) {
    return (int) inside.stream().filter(o -> question.contains(o.tokenId()) && sameSentence(passage, token, o))
        .mapToInt(Candidate::tokenId).distinct().count();
  }

  /** Positions from the token to the nearest kept question token in the same sentence of the passage. */
  private static double distance(Candidate token, List<Candidate> inside, Set<Integer> question, Evidence passage) {
    double nearest = Double.POSITIVE_INFINITY;
    for (Candidate other : inside) {
      if (question.contains(other.tokenId()) && sameSentence(passage, token, other)) {
        nearest = Math.min(nearest, Math.abs(other.position() - token.position()));
      }
    }
    return nearest;
  }

  /** No sentence end ([.!?] then a space) in the passage text between the two tokens. */
  private static boolean sameSentence(Evidence passage, Candidate a, Candidate b) {
    Candidate first = a.position() < b.position() ? a : b;
    Candidate second = first == a ? b : a;
    String text = passage.text();
    int from = Math.max(0, Math.min(text.length(), first.charEnd() - passage.charStart()));
    int to = Math.max(from, Math.min(text.length(), second.charStart() - passage.charStart()));
    return !text.substring(from, to).matches("(?s).*[.!?]\\s.*");
  }

  private static List<Candidate> trim(List<Candidate> run, IntPredicate isWord) {
    int from = 0;
    int to = run.size();
    while (from < to && !isWord.test(run.get(from).tokenId())) {
      from++;
    }
    while (to > from && !isWord.test(run.get(to - 1).tokenId())) {
      to--;
    }
    return run.subList(from, to);
  }
}
