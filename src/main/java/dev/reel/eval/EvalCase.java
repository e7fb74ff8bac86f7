package dev.reel.eval;

import java.util.List;

/**
 * One planted case: the sentences to plant and where, the question, and the strings that answer it.
 *
 * @param suite     the suite it belongs to
 * @param question  the question asked
 * @param plants    sentences planted as text, each at its depth
 * @param answers   the strings the evidence must contain, each inside one plant (RULER's string match)
 * @param options   extra job options the case needs (for example --hops 2)
 * @param facts     for a case about facts that chain: what it is about and what it must not answer; null otherwise
 */
record EvalCase(Suite suite, String question, List<Plant> plants, List<Answer> answers, List<String> options,
                Facts facts) {
  EvalCase(Suite suite, String question, List<Plant> plants, List<Answer> answers, List<String> options) {
    this(suite, question, plants, answers, options, null);
  }

  /**
   * What a fact case is about.
   *
   * @param entity     the person, object or variable asked about (the "last sentence naming it" baseline looks for it)
   * @param wrong      the case's other places or values: an answer naming one of them is wrong, even beside the right one
   * @param supporting indices of the plants the answer stands on (the chain), for supporting-fact recall
   */
  record Facts(String entity, List<String> wrong, List<Integer> supporting) {}

  /** Whether {@code reply} holds every answer and, for a fact case, none of its wrong places or values. */
  boolean answeredBy(String reply) {
    String text = reply == null ? "" : reply;
    return answers.stream().allMatch(a -> text.contains(a.text()))
        && (facts == null || facts.wrong().stream().noneMatch(text::contains));
  }

  /**
   * A sentence planted at a depth (0..1 of the haystack's tokens), after the first sentence end there. With
   * {@code straddle} set, it is planted so that a chunk border falls inside that string instead.
   */
  record Plant(String sentence, double depth, String straddle) {
    Plant(String sentence, double depth) {
      this(sentence, depth, null);
    }
  }

  /** An answer string inside plant number {@code plant}. */
  record Answer(int plant, String text) {}
}
