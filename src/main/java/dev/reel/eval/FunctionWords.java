package dev.reel.eval;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * The share of function words among a reel's kept tokens, by Snowball's English stop-word list (174 words, as
 * Lucene ships it): whole-word tokens only (word pieces and punctuation are neither).
 */
final class FunctionWords {
  static final String LIST = "Snowball's English stop words (174, lucene-analysis-common "
      + "org/apache/lucene/analysis/snowball/english_stop.txt)";
  private static final CharArraySet STOP_WORDS = load();

  private FunctionWords() {}

  static double share(List<String> tokens) {
    int words = 0;
    int function = 0;
    for (String token : tokens) {
      if (token.startsWith("##") || token.chars().noneMatch(Character::isLetter)) {
        continue;
      }
      words++;
      function += STOP_WORDS.contains(token.toLowerCase(Locale.ROOT)) ? 1 : 0;
    }
    return words == 0 ? 0 : function / (double) words;
  }

  private static CharArraySet load() {
    try (Reader reader = new InputStreamReader(FunctionWords.class.getResourceAsStream(
        "/org/apache/lucene/analysis/snowball/english_stop.txt"), StandardCharsets.UTF_8)) {
      return WordlistLoader.getSnowballWordSet(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
