package dev.reel.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** The digest suite's sentence pickers, held to the reel's budget of characters, and its count of what they found. */
final class DigestBaselines {
  private DigestBaselines() {}

  /** The best-scored sentences (ties by order) until they hold {@code budget} characters. */
  static List<String> byScore(List<String> sentences, double[] scores, long budget) {
    List<Integer> order = IntStream.range(0, sentences.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer s) -> -scores[s]).thenComparingInt(s -> s)).toList();
    return upTo(sentences, order, budget);
  }

  /** Sentences in a seeded random order until they hold {@code budget} characters. */
  static List<String> random(List<String> sentences, long budget, SplittableRandom random) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, sentences.size()).boxed().toList());
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      order.set(i, order.set(j, order.get(i)));
    }
    return upTo(sentences, order, budget);
  }

  /** How many of {@code planted} some picked text holds whole. */
  static int found(List<String> planted, List<String> picked) {
    int found = 0;
    for (String sentence : planted) {
      found += picked.stream().anyMatch(text -> text.contains(sentence)) ? 1 : 0;
    }
    return found;
  }

  private static List<String> upTo(List<String> sentences, List<Integer> order, long budget) {
    List<String> picked = new ArrayList<>();
    long used = 0;
    for (int s : order) {
      if (used >= budget) {
        break;
      }
      picked.add(sentences.get(s));
      used += sentences.get(s).length();
    }
    return picked;
  }
}
