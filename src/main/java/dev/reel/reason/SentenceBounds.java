package dev.reel.reason;

/**
 * Grows a character range to the sentence (or paragraph) around it, within a cap on each side; where the cap stops
 * it, at a word boundary, so a passage never starts or ends inside a word.
 */
final class SentenceBounds {
  static final int MAX_GROWTH = 300;

  private SentenceBounds() {}

  static int start(String text, int from) {
    int limit = Math.max(0, from - MAX_GROWTH);
    for (int i = Math.min(from, text.length()); i > limit; i--) {
      char before = text.charAt(i - 1);
      if (before == '\n' && i >= 2 && text.charAt(i - 2) == '\n') {
        return i;
      }
      if (Character.isWhitespace(before) && i >= 2 && isTerminal(text.charAt(i - 2))) {
        return i;
      }
    }
    return wordStartAtOrAfter(text, limit, from);
  }

  static int end(String text, int to) {
    int limit = Math.min(text.length(), to + MAX_GROWTH);
    for (int i = Math.max(to, 0); i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        return i;
      }
      if (isTerminal(c) && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        return i + 1;
      }
    }
    return wordEndAtOrBefore(text, limit, to);
  }

  /** The first word start in {@code [at, floor]}; when that holds none, the start of the word around floor. */
  private static int wordStartAtOrAfter(String text, int at, int floor) {
    for (int i = at; i <= floor; i++) {
      if (isWordStart(text, i)) {
        return i;
      }
    }
    int i = floor;
    while (!isWordStart(text, i)) {
      i--;
    }
    return i;
  }

  /** The last word end in {@code [ceiling, at]}; when that holds none, the end of the word around ceiling. */
  private static int wordEndAtOrBefore(String text, int at, int ceiling) {
    for (int i = at; i >= ceiling; i--) {
      if (isWordEnd(text, i)) {
        return i;
      }
    }
    int i = ceiling;
    while (!isWordEnd(text, i)) {
      i++;
    }
    return i;
  }

  private static boolean isWordStart(String text, int i) {
    return i <= 0 || i >= text.length() || Character.isWhitespace(text.charAt(i - 1));
  }

  private static boolean isWordEnd(String text, int i) {
    return i <= 0 || i >= text.length() || Character.isWhitespace(text.charAt(i));
  }

  private static boolean isTerminal(char c) {
    return c == '.' || c == '!' || c == '?';
  }
}
