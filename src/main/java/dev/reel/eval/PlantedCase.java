package dev.reel.eval;

/**
 * A fact planted as text in a haystack, the question that asks for it, and the string that answers it.
 *
 * @param suite    suite name (passkey, needle, ...)
 * @param sentence the text planted
 * @param question the question asked
 * @param answer   the string the top evidence must contain (RULER's string match)
 */
public record PlantedCase(String suite, String sentence, String question, String answer) {
  /** Landmark attention's passkey test. */
  public static PlantedCase passkey(String key) {
    return new PlantedCase("passkey", "The pass key is " + key + ". Remember it. " + key + " is the pass key.",
        "What is the pass key?", key);
  }

  /** The needle-in-a-haystack fact. */
  public static PlantedCase needle() {
    return new PlantedCase("needle", "The best thing to do in San Francisco is eat a sandwich and sit in Dolores Park "
        + "on a sunny day.", "What is the best thing to do in San Francisco?", "sandwich and sit in Dolores Park");
  }

  /** RULER-style variable tracking, two hops: the value here, the link planted separately (see {@link #CHAIN_LINK}). */
  public static PlantedCase chain() {
    return new PlantedCase("chain", "VAR QPRZT = 48213.", "What is the value of VAR KDJSE?", "48213");
  }

  /** The chain's link, planted 40% of the haystack after the value. */
  public static final String CHAIN_LINK = "VAR KDJSE = VAR QPRZT.";

  /** Plants the sentence at the first sentence end at or after {@code depth} (0..1) of the haystack. */
  public Planted plantIn(String haystack, double depth) {
    int at = (int) (haystack.length() * depth);
    int end = haystack.indexOf(". ", at);
    int cut = end < 0 ? haystack.length() : end + 2;
    String text = haystack.substring(0, cut) + sentence + " " + haystack.substring(cut);
    int answerAt = cut + sentence.indexOf(answer);
    return new Planted(text, answerAt, answerAt + answer.length());
  }

  /**
   * A haystack with the case planted.
   *
   * @param text        the whole text
   * @param answerStart character offset of the answer string in it
   * @param answerEnd   end of the answer string
   */
  public record Planted(String text, int answerStart, int answerEnd) {}
}
