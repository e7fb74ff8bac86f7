package dev.reel.reason;

/** Grows a character range to the sentence (or line block) around it, within a cap on each side. */
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
    return limit;
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
    return limit;
  }

  private static boolean isTerminal(char c) {
    return c == '.' || c == '!' || c == '?';
  }
}
