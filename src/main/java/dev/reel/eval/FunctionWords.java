package dev.reel.eval;

import java.util.List;
import dev.reel.reason.EnglishStopWords;

/**
 * The share of function words among a reel's kept tokens, by Snowball's English stop-word list (174 words, as
 * Lucene ships it): whole-word tokens only (word pieces and punctuation are neither).
 */
final class FunctionWords {
  static final String LIST = EnglishStopWords.SOURCE;

  private FunctionWords() {}

  static double share(List<String> tokens) {
    int words = 0;
    int function = 0;
    for (String token : tokens) {
      if (token.startsWith("##") || token.chars().noneMatch(Character::isLetter)) {
        continue;
      }
      words++;
      function += EnglishStopWords.contains(token) ? 1 : 0;
    }
    return words == 0 ? 0 : function / (double) words;
  }
}
