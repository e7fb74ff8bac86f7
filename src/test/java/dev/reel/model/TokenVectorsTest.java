package dev.reel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** centredUnit keeps what it overwrites: each row's raw norm (--rule seed-l2) and the mean (contextual rows). */
class TokenVectorsTest {
  private static final int VOCAB = 40;
  private static final int DIMS = 12;

  @Test
  void aTableNotDerivedFromRawRowsHasNoNormsNorMean() {
    TokenVectors plain = new TokenVectors(2, 2, new float[] {1, 0, 0, 1});
    assertNull(plain.rawNorms());
    assertNull(plain.mean());
  }

  @Test
  void rawNormsAndMeanAreThoseOfTheRowsBeforeCentring() {
    float[] raw = random(11);
    float[] original = raw.clone();
    TokenVectors vectors = TokenVectors.centredUnit(VOCAB, DIMS, raw);
    double[] mean = new double[DIMS];
    for (int t = 0; t < VOCAB; t++) {
      double squares = 0;
      for (int k = 0; k < DIMS; k++) {
        squares += original[t * DIMS + k] * original[t * DIMS + k];
        mean[k] += original[t * DIMS + k] / VOCAB;
      }
      assertEquals(Math.sqrt(squares), vectors.rawNorms()[t], 1e-5, "raw norm of row " + t);
    }
    assertArrayEquals(mean, vectors.mean(), 1e-6);
  }

  @Test
  void theProjectionMapsARawRowToItsTableRow() {
    float[] raw = random(12);
    float[] original = raw.clone();
    TokenVectors vectors = TokenVectors.centredUnit(VOCAB, DIMS, raw);
    PrincipalProjection.Projected projected = PrincipalProjection.project(vectors, 4);
    float[] out = new float[VOCAB * 4];
    projected.projection().project(original, VOCAB, out);
    float[] table = new float[VOCAB * 4];
    int[] all = java.util.stream.IntStream.range(0, VOCAB).toArray();
    projected.vectors().gather(all, VOCAB, table);
    assertArrayEquals(table, out, 0f, "the same steps give the same floats");
  }

  private static float[] random(long seed) {
    Random random = new Random(seed);
    float[] rows = new float[VOCAB * DIMS];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) (random.nextGaussian() + (i % DIMS == 0 ? 3 : 0)); // a shared offset, as models have
    }
    return rows;
  }
}
