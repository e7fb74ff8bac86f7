package dev.reel.reason;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A list question's answer: every item of the list's kind ({@link AnswerItems#listShape}, else an enumeration of
 * plain words) in the sentences that hold one of the question's distinctive words (words some candidate passages
 * lack: the keys of "the numbers for K1 and K2", not "numbers"), from the passages scoring near the best; distinct,
 * in rank order, each with its passage.
 */
final class ListAnswer {
  /** A list takes its items from passages scoring at least this share of the best one's score. */
  static final double LIST_SHARE = 0.6;
  /** Passages a list question reads. */
  static final int LIST_PASSAGES = 10;
  /** Items of a list answer at most. */
  static final int LIST_ITEMS = 12;

  private final AnswerItems.Shape shape;
  private final Set<String> questionWords;
  private final Predicate<String> echoes;

  /**
   * @param question      the question's text
   * @param questionWords its lower-case words (and earlier hops')
   * @param echoes        whether an item says nothing the question did not
   */
  ListAnswer(String question, Set<String> questionWords, Predicate<String> echoes) {
    this.shape = AnswerItems.listShape(question);
    this.questionWords = questionWords;
    this.echoes = echoes;
  }

  /** The items over {@code ranked} (best first); empty when the passages hold none. */
  List<ListedItem> items(List<SemanticRerank.Scored> ranked) {
    double floor = LIST_SHARE * ranked.get(0).passage().score();
    List<SemanticRerank.Scored> candidates = new ArrayList<>();
    for (SemanticRerank.Scored scored : ranked.subList(0, Math.min(LIST_PASSAGES, ranked.size()))) {
      if (scored.passage().score() >= floor) {
        candidates.add(scored);
      }
    }
    Set<String> distinctive = distinctive(candidates);
    Map<String, ListedItem> items = new LinkedHashMap<>();
    for (SemanticRerank.Scored scored : candidates) {
      for (int[] bounds : SemanticRerank.sentences(scored.passage().text())) {
        String sentence = scored.passage().text().substring(bounds[0], bounds[1]);
        Set<String> words = AnswerShaper.words(sentence);
        if (distinctive.isEmpty() ? words.stream().anyMatch(questionWords::contains)
            : words.stream().anyMatch(distinctive::contains)) {
          List<AnswerItems.Item> found = AnswerItems.find(shape, sentence);
          for (AnswerItems.Item item : found.isEmpty() ? AnswerItems.enumeration(sentence) : found) {
            if (!echoes.test(item.text()) && items.size() < LIST_ITEMS) {
              items.putIfAbsent(item.text().toLowerCase(Locale.ROOT), new ListedItem(item.text(), scored.passage()));
            }
          }
        }
      }
    }
    return new ArrayList<>(items.values());
  }

  /** The question's words that some candidate passages hold and others lack. */
  private Set<String> distinctive(List<SemanticRerank.Scored> candidates) {
    List<Set<String>> held = candidates.stream().map(c -> AnswerShaper.words(c.passage().text())).toList();
    Set<String> distinctive = new HashSet<>();
    for (String word : questionWords) {
      long holding = held.stream().filter(words -> words.contains(word)).count();
      if (holding > 0 && holding < candidates.size()) {
        distinctive.add(word);
      }
    }
    return distinctive;
  }
}
