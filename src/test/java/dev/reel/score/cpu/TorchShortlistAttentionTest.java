package dev.reel.score.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionResult;

/** The alpha kernel against float64 references on fresh random inputs. */
class TorchShortlistAttentionTest {
  private static final int DIMS = 32;
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager("PyTorch");
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void aSingleTokenReceivesNothing() {
    AttentionResult result = kernel(0, 1f, 0, false).attend(manager, random(1, 1), null, 1, DIMS, new float[1],
        new float[] {1});
    assertEquals(0f, result.received()[0]);
  }

  @ParameterizedTest(name = "n = {0}")
  @CsvSource({"7", "300", "1500"})
  void alphaZeroEqualsDenseSoftmaxAttention(int n) {
    float[] q = random(n, n);
    float[] v = random(n, n + 1);
    float[] weights = uniform(n);
    AttentionResult result = kernel(0, 4f, 0, false).attend(manager, q, v, n, DIMS, new float[n], weights);
    assertEquals(n - 1, result.keys());
    double[][] reference = reference(q, v, n, 4f, 0, false, allKeys(n));
    assertTrue(relativeError(reference[1], result.output()) < 1e-4, "output error");
    assertTrue(relativeError(reference[0], result.received()) < 1e-4, "received error");
  }

  /**
   * Unit rows at the job's temperature and locality: past four reaches of the distance penalty the kernel attends in
   * bands (the final pass's buffer), and must still give dense attention over every key.
   */
  @ParameterizedTest(name = "n = {0}")
  @CsvSource({"512", "3000"})
  void denseAttentionPastThePenaltysReachEqualsDenseSoftmax(int n) {
    float[] q = unitRows(random(n, 5 + n), n);
    float[] v = random(n, 6 + n);
    float[] weights = uniform(n);
    AttentionResult result = kernel(0, 0.1f, 4f, true).attend(manager, q, v, n, DIMS, new float[n], weights);
    double[][] reference = reference(q, v, n, 0.1f, 4f, true, allKeys(n));
    assertTrue(relativeError(reference[1], result.output()) < 1e-4, "output error");
    assertTrue(relativeError(reference[0], result.received()) < 1e-4, "received error");
  }

  @ParameterizedTest(name = "alpha {0}, n = {1}")
  @CsvSource({"0.3, 600", "0.6, 900", "1.0, 1200", "1.0, 65", "0.3, 2048"})
  void shortlistEqualsReferenceGatherSoftmax(double alpha, int n) {
    float[] q = random(n, 11 + n);
    float[] v = random(n, 12 + n);
    float[] g = new float[n];
    System.arraycopy(random(n, 99), 0, g, 0, n);
    float[] weights = uniform(n);
    AlphaShortlist shortlist = new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS);
    AttentionResult result = new TorchShortlistAttention(shortlist, 4f, 16f, true).attend(manager, q, v, n, DIMS, g,
        weights);
    double[][] reference = reference(q, v, n, 4f, 16f, true, shortlistKeys(shortlist, n, g));
    assertTrue(relativeError(reference[1], result.output()) < 1e-4, "output error");
    assertTrue(relativeError(reference[0], result.received()) < 1e-4, "received error");
  }

  /** The shortlist of query i as the kernel defines it: its window plus the shared keys, without itself. */
  private static int[][] shortlistKeys(AlphaShortlist shortlist, int n, float[] gravity) {
    int half = shortlist.halfWindow(n);
    int[] shared = shortlist.sharedKeys(n, gravity);
    int[][] keys = new int[n][];
    for (int i = 0; i < n; i++) {
      TreeSet<Integer> set = new TreeSet<>();
      for (int j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++) {
        set.add(j);
      }
      for (int s : shared) {
        set.add(s);
      }
      set.remove(i);
      keys[i] = set.stream().mapToInt(Integer::intValue).toArray();
    }
    return keys;
  }

  private static int[][] allKeys(int n) {
    int[][] keys = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        keys[i][j] = j;
      }
    }
    return keys;
  }

  /** {received, output} in double: softmax over each query's keys of q.k / t - |i - j| / locality. */
  private static double[][] reference(float[] q, float[] v, int n, float t, float locality, boolean maskSelf,
                                      int[][] keys) {
    double[] received = new double[n];
    double[] output = new double[n * DIMS];
    for (int i = 0; i < n; i++) {
      double[] logits = new double[keys[i].length];
      double max = Double.NEGATIVE_INFINITY;
      for (int s = 0; s < keys[i].length; s++) {
        int j = keys[i][s];
        double dot = 0;
        for (int k = 0; k < DIMS; k++) {
          dot += (double) q[i * DIMS + k] * q[j * DIMS + k];
        }
        logits[s] = dot / t - (locality > 0 ? Math.abs(i - j) / (double) locality : 0);
        if (maskSelf && i == j) {
          logits[s] = Double.NEGATIVE_INFINITY;
        }
        max = Math.max(max, logits[s]);
      }
      double sum = 0;
      for (int s = 0; s < logits.length; s++) {
        logits[s] = Math.exp(logits[s] - max);
        sum += logits[s];
      }
      for (int s = 0; s < logits.length; s++) {
        int j = keys[i][s];
        double p = logits[s] / sum;
        received[j] += p;
        for (int k = 0; k < DIMS; k++) {
          output[i * DIMS + k] += p * v[j * DIMS + k];
        }
      }
    }
    return new double[][] {received, output};
  }

  private static double relativeError(double[] expected, float[] actual) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < expected.length; i++) {
      diff += (expected[i] - actual[i]) * (expected[i] - actual[i]);
      norm += expected[i] * expected[i];
    }
    return Math.sqrt(diff / norm);
  }

  private static TorchShortlistAttention kernel(double alpha, float t, float locality, boolean maskSelf) {
    return new TorchShortlistAttention(new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS), t, locality,
        maskSelf);
  }

  private static float[] uniform(int n) {
    float[] w = new float[n];
    java.util.Arrays.fill(w, 1f);
    return w;
  }

  private static float[] unitRows(float[] rows, int n) {
    for (int i = 0; i < n; i++) {
      double norm = 0;
      for (int k = 0; k < DIMS; k++) {
        norm += rows[i * DIMS + k] * rows[i * DIMS + k];
      }
      for (int k = 0; k < DIMS; k++) {
        rows[i * DIMS + k] /= (float) Math.sqrt(norm);
      }
    }
    return rows;
  }

  private static float[] random(int rows, long seed) {
    Random random = new Random(seed);
    float[] out = new float[rows * DIMS];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (random.nextGaussian() / Math.sqrt(DIMS));
    }
    return out;
  }
}
