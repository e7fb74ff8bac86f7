package dev.reel.reason;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import dev.reel.model.SentenceEncoder;

/**
 * Re-ranks the best passages by meaning: the question and every sentence of the {@link #CANDIDATES} passages that
 * hold the most of it become MiniLM sentence vectors; a passage's meaning score is its best sentence's cosine to the
 * question, and its new score is {@code coverage + MEANING_WEIGHT * cosine}. Shared words find the candidates;
 * meaning tells "swappiness defaults to 60" from a page that uses "swap" in another sense, and finds an answer worded
 * differently from the question. Passages past the candidates keep their order, after the candidates.
 */
final class SemanticRerank {
  /** Passages re-ranked per question: the cost is one model call per sentence of these. */
  static final int CANDIDATES = 100;
  /** At most this many sentences encoded per question (the candidates' first ones, best passage first). */
  static final int MAX_SENTENCES = 320;
  /** What meaning weighs beside coverage ({@link QuestionCoverage}, in [0, 1)). */
  static final double MEANING_WEIGHT = 1.0;
  /** A document's first paragraph at most this long, not ending a sentence, is its title. */
  static final int MAX_TITLE_CHARS = 200;
  /** A sentence shorter than this many letters and digits says too little to compare ("Note:", "Default: 0"). */
  private static final int MIN_SENTENCE_CHARS = 12;

  /**
   * A passage after re-ranking.
   *
   * @param passage  the passage, its score replaced by the combined score
   * @param coverage its coverage score before re-ranking
   * @param meaning  its best sentence's cosine to the question (0 when not re-ranked)
   * @param sentences its sentences, {@code [start, end)} in the passage text, closest in meaning first (the whole
   *                  text alone when not re-ranked)
   * @param reranked whether its sentences were compared with the question
   */
  record Scored(Evidence passage, double coverage, double meaning, List<int[]> sentences, boolean reranked) {
    static Scored unranked(Evidence passage) {
      return new Scored(passage, passage.score(), 0, List.of(new int[] {0, passage.text().length()}), false);
    }

    /** The sentence closest in meaning to the question. */
    int[] sentence() {
      return sentences.get(0);
    }
  }

  /**
   * A sentence of a passage ({@code [start, end)}), its cosine to the question and whether it could answer (holds an
   * item of the shape the question names, or the question names none).
   */
  private record Compared(int[] bounds, double cosine, boolean answers) {}

  private SemanticRerank() {}

  /**
   * Re-ranks {@code ranked} (best first by coverage) for {@code question}; {@code tokenize} gives a text's token ids.
   * {@code answers}, when not null, says whether a sentence could answer: for a question that names its answer's
   * shape ("how many", "which file"), a passage's meaning is that of its best sentence holding such an item, 0 when
   * none does (the answer would be null there anyway).
   */
  static List<Scored> rerank(List<Evidence> ranked, String question, SentenceEncoder encoder,
                             Function<String, int[]> tokenize, Predicate<String> answers) {
    List<List<int[]>> chosen = chooseSentences(ranked);
    List<int[]> texts = new ArrayList<>();
    texts.add(tokenize.apply(question));
    for (int p = 0; p < chosen.size(); p++) {
      for (int[] sentence : chosen.get(p)) {
        texts.add(tokenize.apply(ranked.get(p).text().substring(sentence[0], sentence[1])));
      }
    }
    List<float[]> vectors = encoder.encodeAll(texts);
    float[] asked = vectors.get(0);
    List<Scored> scored = new ArrayList<>();
    int next = 1;
    for (int p = 0; p < ranked.size(); p++) {
      Evidence passage = ranked.get(p);
      if (p >= chosen.size() || chosen.get(p).isEmpty()) {
        scored.add(Scored.unranked(passage));
        continue;
      }
      List<Compared> compared = new ArrayList<>();
      for (int[] sentence : chosen.get(p)) {
        String text = passage.text().substring(sentence[0], sentence[1]);
        compared.add(new Compared(sentence, SentenceEncoder.cosine(asked, vectors.get(next++)),
            answers == null || answers.test(text)));
      }
      compared.sort(Comparator.comparingDouble((Compared c) -> -c.cosine()).thenComparingInt(c -> c.bounds()[0]));
      double meaning = Math.max(0, compared.stream().filter(Compared::answers).mapToDouble(Compared::cosine)
          .max().orElse(0));
      scored.add(new Scored(passage.withScore(passage.score() + MEANING_WEIGHT * meaning), passage.score(), meaning,
          compared.stream().map(Compared::bounds).toList(), true));
    }
    List<Scored> top = new ArrayList<>(scored.subList(0, Math.min(CANDIDATES, scored.size())));
    top.sort(Comparator.comparingDouble((Scored s) -> -s.passage().score())
        .thenComparingLong(s -> s.passage().position()));
    List<Scored> result = new ArrayList<>(top);
    result.addAll(scored.subList(top.size(), scored.size()));
    return result;
  }

  /**
   * The sentences compared per candidate passage, in passage order: the first {@link #CANDIDATES} passages' sentences
   * (titles left out) until {@link #MAX_SENTENCES} in all; empty for a passage past them.
   */
  private static List<List<int[]>> chooseSentences(List<Evidence> ranked) {
    List<List<int[]>> chosen = new ArrayList<>();
    int budget = MAX_SENTENCES;
    for (int p = 0; p < Math.min(CANDIDATES, ranked.size()) && budget > 0; p++) {
      List<int[]> sentences = withoutTitle(ranked.get(p), sentences(ranked.get(p).text()));
      List<int[]> kept = sentences.subList(0, Math.min(budget, sentences.size()));
      chosen.add(kept);
      budget -= kept.size();
    }
    return chosen;
  }

  /**
   * The sentences without the document's title, when the passage starts the document: a mail's "Subject: ..." or a
   * page's title line (a first paragraph of at most {@link #MAX_TITLE_CHARS} not ending a sentence). A title names
   * what the document is about, so it is close in meaning to every question on that topic and answers none
   * (measured: a subject line restating the question outranked the message's answering sentence). It still counts
   * for the passage's coverage.
   */
  static List<int[]> withoutTitle(Evidence passage, List<int[]> sentences) {
    if (passage.charStart() != 0 || sentences.isEmpty()) {
      return sentences;
    }
    String text = passage.text();
    int end = text.indexOf("\n\n");
    String first = (end < 0 ? text : text.substring(0, end)).strip();
    boolean title = first.length() <= MAX_TITLE_CHARS && !first.isEmpty()
        && ".!?".indexOf(first.charAt(first.length() - 1)) < 0;
    return title ? sentences.stream().filter(bounds -> end >= 0 && bounds[0] >= end).toList() : sentences;
  }

  /** The passage kept as it is, for a question without text (a later hop asks for tokens, not words). */
  static List<Scored> unranked(List<Evidence> ranked) {
    return ranked.stream().map(Scored::unranked).toList();
  }

  /**
   * The sentences of a passage, {@code [start, end)} each, split at sentence ends and blank lines; sentences with
   * fewer than {@link #MIN_SENTENCE_CHARS} letters and digits join the next one.
   */
  static List<int[]> sentences(String text) {
    List<int[]> sentences = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
    breaks.setText(text);
    int pending = -1;
    for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      for (int[] piece : paragraphs(text, start, end)) {
        int from = pending >= 0 ? pending : piece[0];
        if (letters(text, from, piece[1]) < MIN_SENTENCE_CHARS) {
          pending = from;
          continue;
        }
        pending = -1;
        sentences.add(trimmed(text, from, piece[1]));
      }
    }
    if (pending >= 0) {
      sentences.add(trimmed(text, pending, text.length()));
    }
    return sentences;
  }

  /** {@code [start, end)} cut at blank lines. */
  private static List<int[]> paragraphs(String text, int start, int end) {
    List<int[]> pieces = new ArrayList<>();
    int from = start;
    for (int at = text.indexOf("\n\n", start); at >= 0 && at < end; at = text.indexOf("\n\n", at + 2)) {
      pieces.add(new int[] {from, at});
      from = at + 2;
    }
    pieces.add(new int[] {from, end});
    return pieces;
  }

  private static int letters(String text, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      count += Character.isLetterOrDigit(text.charAt(i)) ? 1 : 0;
    }
    return count;
  }

  private static int[] trimmed(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return new int[] {from, to};
  }
}
