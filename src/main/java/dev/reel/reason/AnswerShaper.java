package dev.reel.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.reel.tokenize.QuestionTokens;

/**
 * The answer, shaped by what the question asks for ({@link QuestionKind}): from the best sentence of the best
 * passages, the item of the asked kind nearest to the question's own words (a number with its unit, a path, a
 * name...), or for a list question every such item of the passages that hold the question ({@link ListAnswer});
 * else the passage's exact answer ({@link AnswerExtractor}) when it lies in the best sentence, else that sentence,
 * unless the question named the shape it wants. Never a piece of the question itself. With a confidence; no answer at
 * all when the best passage supports none.
 */
final class AnswerShaper {
  /** Passages tried in rank order for an answer of the asked kind. */
  static final int TRIED = 3;
  /**
   * A passage after the best one answers only when it scores at least this share of the best: a near tie. Measured
   * (jobs/results/questions.md at b3ad66b): answering from passages further down moved them to the top in place of
   * a best passage that held the answer as a clause, for 6 of 48 questions, and none of those answers was right.
   */
  static final double NEAR_TIE = 0.95;
  /** A sentence answer longer than this is cut at a word boundary. */
  static final int MAX_ANSWER_CHARS = 300;
  /** A word: letters and digits, with inner underscores, apostrophes and hyphens ("mt-search", "vfs_cache"). */
  static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_'-]*");
  /**
   * The shaped answer.
   *
   * @param text       the answer, or null when nothing kept supports one
   * @param confidence in [0, 1]: how strongly the answer's passage holds the question (its coverage and meaning)
   * @param kind       the kind of answer the question asked for
   * @param items      a list question's items, each with its evidence (empty otherwise)
   * @param rank       the 0-based rank of the passage the answer came from
   */
  record Shaped(String text, double confidence, QuestionKind kind, List<ListedItem> items, int rank) {}

  /**
   * Confidence below which the answer is null (the passages are still ranked). Set from the first measurement of the
   * kernel admin-guide question set (jobs/results/questions.md): every top passage that held its answer scored 0.50
   * or more, 9 of 10 unanswerable questions under 0.40; the mail set was not looked at to choose it.
   */
  static final double NULL_BELOW = 0.4;

  private final String question;
  private final QuestionKind kind;
  private final Set<String> questionWords;
  private final boolean mayDecline;
  /** Only an item of the shape the question names answers it ({@link QuestionKind#namesItsShape}). */
  private final boolean strict;
  /** Finds the item of the asked shape in a passage's sentences. */
  private final ItemPicker picker;

  /**
   * @param question      the question's text
   * @param questionWords lower-case words the answer must not consist of only (the question's, earlier hops')
   * @param mayDecline    whether the answer may be null: below {@link #NULL_BELOW}, or when a question that names its
   *                      answer's shape finds no item of it (only for the answer the user reads, not for a hop whose
   *                      answer the next hop asks about)
   */
  AnswerShaper(String question, Set<String> questionWords, boolean mayDecline) {
    this.question = question == null ? "" : question;
    this.kind = QuestionKind.of(question);
    this.questionWords = questionWords;
    this.mayDecline = mayDecline;
    this.strict = mayDecline && QuestionKind.namesItsShape(question);
    this.picker = new ItemPicker(this.question, kind, questionWords, this::echoes);
  }

  /** The answer over {@code ranked} (best first); {@code exact} is a passage's exact answer, or null. */
  Shaped shape(List<SemanticRerank.Scored> ranked, Function<Evidence, String> exact) {
    if (ranked.isEmpty()) {
      return new Shaped(null, 0, kind, List.of(), 0);
    }
    double confidence = confidence(ranked.get(0));
    if (mayDecline && (confidence < NULL_BELOW || !NamedSpecifics.heldBy(question, ranked))) {
      return new Shaped(null, confidence, kind, List.of(), 0);
    }
    if (kind == QuestionKind.LIST) {
      List<ListedItem> items = new ListAnswer(question, questionWords, this::echoes).items(ranked);
      if (!items.isEmpty()) {
        return new Shaped(ListedItem.join(items), confidence, kind, items, 0);
      }
    }
    // The first passage with an item of the asked kind or an exact answer; a later hop (ranked by shared tokens,
    // not meaning) reads every passage, as the chain's next link may rank below passages of the last one.
    boolean reranked = ranked.get(0).reranked();
    int tried = reranked ? Math.min(TRIED, ranked.size()) : ranked.size();
    double tie = NEAR_TIE * ranked.get(0).passage().score();
    for (int p = 0; p < tried; p++) {
      if (reranked && p > 0 && ranked.get(p).passage().score() < tie) {
        break;
      }
      String answer = narrowAnswer(ranked.get(p), exact);
      if (answer != null) {
        String text = answer.replaceAll("\\s+", " ").strip();
        // A list question answered by one item still lists it: hops gather a list's items one link at a time.
        List<ListedItem> items = kind == QuestionKind.LIST ? List.of(new ListedItem(text, ranked.get(p).passage()))
            : List.of();
        return new Shaped(text, confidence(ranked.get(p)), kind, items, p);
      }
    }
    if (strict) {
      return new Shaped(null, confidence, kind, List.of(), 0);
    }
    SemanticRerank.Scored best = ranked.get(0);
    String text = best.passage().text();
    int[] sentence = sentences(best).get(0);
    String whole = wholeWords(text.substring(sentence[0], sentence[1]).replaceAll("\\s+", " ").strip());
    return new Shaped(echoes(whole) ? null : whole, confidence, kind, List.of(), 0);
  }

  /**
   * For a question that names its answer's shape (and may be declined), whether a sentence holds an item of that
   * shape; null for any other question, where every sentence may answer.
   */
  Predicate<String> holdsAskedShape() {
    return strict ? picker::holdsAnItem : null;
  }

  /** How strongly a passage holds the question: mean of coverage and meaning when re-ranked, else coverage. */
  static double confidence(SemanticRerank.Scored passage) {
    double value = passage.reranked() ? (passage.coverage() + passage.meaning()) / 2 : passage.coverage();
    return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000.0;
  }

  /**
   * One passage's narrow answer: the item of the asked kind nearest to the question's words in the passage's
   * sentences, closest to the question first (for a value, a number, else a name such as "pfifo_fast"); else its
   * exact answer; null when it holds neither.
   */
  private String narrowAnswer(SemanticRerank.Scored scored, Function<Evidence, String> exact) {
    Evidence passage = scored.passage();
    List<int[]> sentences = sentences(scored);
    AnswerItems.Item item = picker.pick(passage.text(), sentences);
    if (item != null) {
      return item.text();
    }
    if (strict) {
      return null;
    }
    String best = passage.text().substring(sentences.get(0)[0], sentences.get(0)[1]);
    String narrow = exact.apply(passage);
    // An exact answer (a key, a code, a number) stands wherever the question's tokens put it; a clause must come
    // from the sentence closest in meaning to the question (a later hop, which has no meaning to go by, takes exact
    // answers only: the clause around the last link is not the next one).
    if (narrow == null || echoes(narrow)) {
      return null;
    }
    return isExact(narrow) || (scored.reranked() && best.contains(narrow)) ? narrow : null;
  }

  /** A passage's sentences, closest to the question first: by meaning when re-ranked, else by question words. */
  private List<int[]> sentences(SemanticRerank.Scored scored) {
    return scored.reranked() ? scored.sentences() : byQuestionWords(scored.passage().text());
  }

  /** A key, a code or a number: few words, with a digit or no lower-case letter. */
  private static boolean isExact(String answer) {
    return answer.split("\\s+").length <= 3
        && (answer.codePoints().anyMatch(Character::isDigit) || answer.codePoints().noneMatch(Character::isLowerCase));
  }

  /** A passage's sentences, those holding the most question words first (in text order among equals). */
  private List<int[]> byQuestionWords(String text) {
    List<int[]> sentences = new ArrayList<>(SemanticRerank.sentences(text));
    if (sentences.isEmpty()) {
      return List.of(new int[] {0, text.length()});
    }
    Map<int[], Long> held = new java.util.IdentityHashMap<>();
    for (int[] sentence : sentences) {
      held.put(sentence, words(text.substring(sentence[0], sentence[1])).stream().filter(questionWords::contains)
          .count());
    }
    sentences.sort(java.util.Comparator.comparingLong((int[] sentence) -> -held.get(sentence)));
    return sentences;
  }

  /** Whether the text says nothing the question did not: all its content words are the question's. */
  boolean echoes(String text) {
    String lower = text.toLowerCase(Locale.ROOT).strip();
    if (lower.isEmpty() || question.toLowerCase(Locale.ROOT).contains(lower)) {
      return true;
    }
    if (!lower.contains(" ")) {
      // One name or path says something new unless the question, or an earlier hop's answer, holds it whole
      // ("mt-search.cfg" is new to a question naming "MT-search" users and "mt.cfg"; the variable hop 1 found is
      // not new to hop 2).
      return questionWords.contains(lower);
    }
    for (String word : words(text)) {
      if (QuestionTokens.isContent(word) && !questionWords.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /** Lower-case words of a text. */
  static Set<String> words(String text) {
    Set<String> words = new java.util.HashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** The text cut to at most {@link #MAX_ANSWER_CHARS} at a word boundary. */
  static String wholeWords(String text) {
    if (text.length() <= MAX_ANSWER_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', MAX_ANSWER_CHARS);
    return text.substring(0, cut > 0 ? cut : MAX_ANSWER_CHARS) + " ...";
  }
}
