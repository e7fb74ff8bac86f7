package dev.reel.eval;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The passages the baselines retrieve from: every sentence of the documents, cut at sentence ends and blank lines. */
final class SentencePassages {
  private SentencePassages() {}

  static List<String> of(List<String> texts) {
    return cut(texts, new ArrayList<>());
  }

  /** The first passage of each document, and one past the last passage after the last: {@code texts.size() + 1}. */
  static int[] firsts(List<String> texts) {
    List<Integer> firsts = new ArrayList<>();
    cut(texts, firsts);
    return firsts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<String> cut(List<String> texts, List<Integer> firsts) {
    List<String> sentences = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
    for (String text : texts) {
      firsts.add(sentences.size());
      breaks.setText(text);
      for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE;
           start = end, end = breaks.next()) {
        for (String piece : text.substring(start, end).split("\n\\s*\n")) {
          String sentence = piece.strip();
          if (!sentence.isEmpty()) {
            sentences.add(sentence);
          }
        }
      }
    }
    firsts.add(sentences.size());
    return sentences;
  }
}
