package dev.reel.reason;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text's sentences: cut at sentence ends (java.text's rules, no locale) and at blank lines, white space trimmed,
 * empty ones left out. The digest scores these, and the evaluation's baselines retrieve from them.
 */
public final class SentenceCut {
  private static final Pattern BLANK_LINE = Pattern.compile("\n\\s*\n");

  private SentenceCut() {}

  /** The sentences of {@code text} as [start, end) character ranges, in order. */
  public static List<int[]> of(String text) {
    List<int[]> bounds = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
    breaks.setText(text);
    Matcher blank = BLANK_LINE.matcher(text);
    for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      int from = start;
      blank.region(start, end);
      while (blank.find()) {
        addTrimmed(text, from, blank.start(), bounds);
        from = blank.end();
      }
      addTrimmed(text, from, end, bounds);
    }
    return bounds;
  }

  private static void addTrimmed(String text, int start, int end, List<int[]> bounds) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      bounds.add(new int[] {start, end});
    }
  }
}
