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
 */
record EvalCase(Suite suite, String question, List<Plant> plants, List<Answer> answers, List<String> options) {
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
