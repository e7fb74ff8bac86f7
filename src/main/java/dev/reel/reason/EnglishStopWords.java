package dev.reel.reason;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

/** Snowball's English stop words as Lucene ships them: the function words of English, 174 of them. */
public final class EnglishStopWords {
  /** Where the list comes from, for reports. */
  public static final String SOURCE = "Snowball's English stop words (174, lucene-analysis-common "
      + "org/apache/lucene/analysis/snowball/english_stop.txt)";
  private static final CharArraySet WORDS = load();

  private EnglishStopWords() {}

  /** Whether {@code word}, in any case, is one of them. */
  public static boolean contains(String word) {
    return WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static CharArraySet load() {
    try (Reader reader = new InputStreamReader(EnglishStopWords.class.getResourceAsStream(
        "/org/apache/lucene/analysis/snowball/english_stop.txt"), StandardCharsets.UTF_8)) {
      return WordlistLoader.getSnowballWordSet(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
