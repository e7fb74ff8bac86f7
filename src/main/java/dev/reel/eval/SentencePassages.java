package dev.reel.eval;

import java.util.ArrayList;
import java.util.List;
import dev.reel.reason.SentenceCut;

/** The passages the baselines retrieve from: every sentence of the documents, cut at sentence ends and blank lines. */
final class SentencePassages {
  private SentencePassages() {}

  /**
   * The passages of a corpus and where each document starts: {@code firsts[d]} is document d's first passage,
   * {@code firsts[texts.size()]} one past the last.
   */
  record Cut(List<String> passages, int[] firsts) {}

  static List<String> of(List<String> texts) {
    return cut(texts).passages();
  }

  static Cut cut(List<String> texts) {
    int[] firsts = new int[texts.size() + 1];
    List<String> sentences = new ArrayList<>();
    for (int d = 0; d < texts.size(); d++) {
      String text = texts.get(d);
      firsts[d] = sentences.size();
      for (int[] bounds : SentenceCut.of(text)) {
        sentences.add(text.substring(bounds[0], bounds[1]));
      }
    }
    firsts[texts.size()] = sentences.size();
    return new Cut(sentences, firsts);
  }
}
