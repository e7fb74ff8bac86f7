package dev.reel.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import dev.reel.tokenize.DocumentTokenizer;

/** Plants a case's sentences into a haystack as text and records where each answer string ended up. */
final class Planter {
  /** How far past the depth a sentence end is looked for before settling for a space. */
  private static final int SENTENCE_END_SEARCH = 2_000;

  private final DocumentTokenizer tokenizer;
  private final int chunkTokens;

  Planter(DocumentTokenizer tokenizer, int chunkTokens) {
    this.tokenizer = tokenizer;
    this.chunkTokens = chunkTokens;
  }

  /**
   * The haystack with the case planted.
   *
   * @param texts   every document's text, planted ones changed
   * @param changed indices of the documents that changed
   * @param spans   for each answer: {document, char start, char end}
   */
  record Planted(List<String> texts, List<Integer> changed, List<int[]> spans) {}

  private record Insertion(int plant, int doc, int at, String text) {}

  Planted plant(Haystack haystack, EvalCase evalCase) {
    return plant(haystack, evalCase.plants(), evalCase.answers());
  }

  /** The haystack with {@code plants} planted; {@code answers} are strings inside them, located in {@code spans}. */
  Planted plant(Haystack haystack, List<EvalCase.Plant> plants, List<EvalCase.Answer> answers) {
    List<Insertion> insertions = new ArrayList<>();
    for (int p = 0; p < plants.size(); p++) {
      insertions.add(place(haystack, p, plants.get(p)));
    }
    List<String> texts = new ArrayList<>(haystack.docs().stream().map(Haystack.Doc::text).toList());
    int[] finalOffset = new int[insertions.size()];
    List<Integer> changed = new ArrayList<>();
    // Later insertions first, so earlier offsets stay valid; a plant's final offset counts what went in before it.
    List<Insertion> order = insertions.stream()
        .sorted(Comparator.comparingInt(Insertion::doc).thenComparingInt(Insertion::at).thenComparingInt(Insertion::plant))
        .toList();
    for (int i = order.size() - 1; i >= 0; i--) {
      Insertion insertion = order.get(i);
      String text = texts.get(insertion.doc());
      texts.set(insertion.doc(), text.substring(0, insertion.at()) + insertion.text() + text.substring(insertion.at()));
      if (!changed.contains(insertion.doc())) {
        changed.add(insertion.doc());
      }
      int shift = 0;
      for (int j = 0; j < i; j++) {
        shift += order.get(j).doc() == insertion.doc() ? order.get(j).text().length() : 0;
      }
      finalOffset[insertion.plant()] = insertion.at() + shift + insertion.text().indexOf(
          plants.get(insertion.plant()).sentence());
    }
    List<int[]> spans = new ArrayList<>();
    for (EvalCase.Answer answer : answers) {
      Insertion insertion = insertions.get(answer.plant());
      int start = finalOffset[answer.plant()] + plants.get(answer.plant()).sentence().indexOf(answer.text());
      spans.add(new int[] {insertion.doc(), start, start + answer.text().length()});
    }
    return new Planted(texts, changed, spans);
  }

  private Insertion place(Haystack haystack, int index, EvalCase.Plant plant) {
    if (plant.straddle() != null) {
      return straddle(haystack, index, plant);
    }
    int[] at = haystack.locate(Math.round(plant.depth() * haystack.tokens()));
    Haystack.Doc doc = haystack.docs().get(at[0]);
    String text = doc.text();
    if (at[1] >= doc.tokens()) {
      // The haystack's last document was cut at a token count, mid-sentence: the plant starts a paragraph of its own,
      // between sentences as at every other depth, not glued onto the cut fragment by a line break.
      return new Insertion(index, at[0], text.length(), "\n\n" + plant.sentence() + "\n");
    }
    int from = doc.tokenStarts()[at[1]];
    int end = text.indexOf(". ", from);
    if (end >= 0 && end - from < SENTENCE_END_SEARCH) {
      return new Insertion(index, at[0], end + 2, plant.sentence() + " ");
    }
    return new Insertion(index, at[0], from, plant.sentence() + " ");
  }

  /** Plants so that the chunk border nearest the depth falls in the middle of {@code plant.straddle()}. */
  private Insertion straddle(Haystack haystack, int index, EvalCase.Plant plant) {
    String sentence = plant.sentence();
    int middle = sentence.indexOf(plant.straddle()) + plant.straddle().length() / 2;
    int before = tokenizer.tokenize(sentence.substring(0, middle))[0].length;
    long border = Math.max(1, Math.round(plant.depth() * haystack.tokens() / chunkTokens)) * chunkTokens;
    int[] at = haystack.locate(Math.max(0, border - before));
    Haystack.Doc doc = haystack.docs().get(at[0]);
    int token = Math.min(at[1], doc.tokens() - 1);
    // Start at a word, not inside one, so the planted sentence tokenizes as it does alone.
    while (token > 0 && !Character.isWhitespace(doc.text().charAt(doc.tokenStarts()[token] - 1))) {
      token--;
    }
    return new Insertion(index, at[0], doc.tokenStarts()[token], sentence + " ");
  }
}
