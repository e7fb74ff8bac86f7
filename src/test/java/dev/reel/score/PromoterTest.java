package dev.reel.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promoter's top-k selection gives the same order as a full sort: importance down, ties to the lower index. */
class PromoterTest {
  @Test
  void bestMatchesAFullSortWithTies() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(600);
      int k = 1 + random.nextInt(80);
      float[] importance = new float[n];
      for (int i = 0; i < n; i++) {
        importance[i] = (random.nextInt(30) - 8) / 7f; // few distinct values: many ties, some below zero
      }
      int[] expected = IntStream.range(0, n).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> -importance[i]).thenComparingInt(i -> i))
          .limit(k).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, Promoter.best(importance, n, k), "n " + n + ", k " + k);
    }
  }
}
