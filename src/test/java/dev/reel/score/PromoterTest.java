package dev.reel.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promoter's choice: top-k in a full sort's order (importance down, ties to the lower index), cut at the nucleus. */
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

  /** A promotion is the best tokens in order, stopping once they hold top-p of the mass and the floor is met. */
  @Test
  void selectStopsAtTheNucleusAboveTheFloor() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(600);
      int budget = 1 + random.nextInt(80);
      double topP = 0.05 + 0.95 * random.nextDouble();
      float[] importance = new float[n];
      for (int i = 0; i < n; i++) {
        importance[i] = random.nextInt(4) == 0 ? 0 : (float) random.nextDouble();
      }
      ChunkScores scores = new ChunkScores(importance, new float[n], new float[n], new float[n], new int[n]);
      ChunkPromotion promotion = new Promoter(topP, budget).select(scores, n);
      int[] best = Promoter.best(importance, n, budget);
      assertArrayEquals(java.util.Arrays.copyOf(best, promotion.count()), promotion.index());
      double mass = 0;
      for (float v : importance) {
        mass += v;
      }
      double taken = 0;
      for (int r = 0; r < promotion.count(); r++) {
        assertTrue(taken < topP * mass || r < Promoter.FLOOR, "promoted past the nucleus at rank " + r);
        taken += importance[promotion.index()[r]];
      }
      boolean full = promotion.count() == best.length;
      assertTrue(full || (taken >= topP * mass && promotion.count() >= Promoter.FLOOR),
          "stopped before the nucleus: " + promotion.count() + " of " + best.length);
    }
  }
}
