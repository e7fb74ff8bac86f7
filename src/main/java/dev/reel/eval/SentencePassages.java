package dev.reel.eval;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The passages the baselines retrieve from: every sentence of the documents, cut at sentence ends and blank lines. */
final class SentencePassages {
  private SentencePassages() {}

  static List<String> of(List<String> texts) {
    List<String> sentences = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
    for (String text : texts) {
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
    return sentences;
  }
}
