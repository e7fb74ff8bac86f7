package dev.reel.model;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.WeakHashMap;

/**
 * The top principal directions of the token-vector table, found by orthogonal (subspace) iteration on its
 * covariance, in double precision and from a fixed seed, so every run and every executor gets the same basis.
 * Attention runs in this smaller space: its cost per key falls with the dimension, while the directions that tell
 * tokens apart most are kept.
 */
public final class PrincipalProjection {
  private static final int ITERATIONS = 40;
  private static final long SEED = 20_26_11_28L;

  /** Projections found in this JVM, by table (identity) and dimension: the iteration costs seconds per table. */
  private static final Map<TokenVectors, Map<Integer, Projected>> FOUND = new WeakHashMap<>();

  private PrincipalProjection() {}

  /** {@link #compute}, once per table and dimension in this JVM (the result is read-only). */
  public static synchronized Projected project(TokenVectors vectors, int dims) {
    return FOUND.computeIfAbsent(vectors, v -> new HashMap<>()).computeIfAbsent(dims, d -> compute(vectors, d));
  }

  /**
   * Projects every row of {@code vectors} onto its top {@code dims} principal directions, rows rescaled to unit
   * length; with the projection that maps a raw row there too when {@code vectors} keeps its mean.
   */
  static Projected compute(TokenVectors vectors, int dims) {
    int d = vectors.dims();
    double[] mean = vectors.mean();
    if (dims >= d) {
      return new Projected(vectors, 1.0, mean == null ? null : new AttentionProjection(mean, null));
    }
    double[][] covariance = covariance(vectors);
    double[][] basis = topEigenvectors(covariance, dims);
    double total = 0;
    for (int k = 0; k < d; k++) {
      total += covariance[k][k];
    }
    double kept = 0;
    for (double[] direction : basis) {
      kept += rayleigh(covariance, direction);
    }
    float[] rows = new float[vectors.vocab() * dims];
    float[] row = new float[d];
    for (int t = 0; t < vectors.vocab(); t++) {
      vectors.gather(new int[] {t}, 1, row);
      AttentionProjection.projectUnit(basis, row, rows, t);
    }
    return new Projected(new TokenVectors(vectors.vocab(), dims, rows), kept / total,
        mean == null ? null : new AttentionProjection(mean, basis));
  }

  /**
   * A projected table.
   *
   * @param vectors       unit rows in the projected space
   * @param varianceKept  share of the table's variance the kept directions explain
   * @param projection    raw model rows to this space (contextual vectors); null when the table kept no mean
   */
  public record Projected(TokenVectors vectors, double varianceKept, AttentionProjection projection) {}

  private static double[][] covariance(TokenVectors vectors) {
    int d = vectors.dims();
    double[][] covariance = new double[d][d];
    float[] row = new float[d];
    for (int t = 0; t < vectors.vocab(); t++) {
      vectors.gather(new int[] {t}, 1, row);
      for (int i = 0; i < d; i++) {
        double ri = row[i];
        double[] line = covariance[i];
        for (int j = i; j < d; j++) {
          line[j] += ri * row[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        covariance[i][j] /= vectors.vocab();
        covariance[j][i] = covariance[i][j];
      }
    }
    return covariance;
  }

  private static double[][] topEigenvectors(double[][] matrix, int k) {
    int d = matrix.length;
    SplittableRandom random = new SplittableRandom(SEED);
    double[][] basis = new double[k][d];
    for (double[] v : basis) {
      for (int j = 0; j < d; j++) {
        v[j] = random.nextDouble() - 0.5;
      }
    }
    orthonormalize(basis);
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[][] next = new double[k][];
      for (int i = 0; i < k; i++) {
        next[i] = multiply(matrix, basis[i]);
      }
      orthonormalize(next);
      basis = next;
    }
    return basis;
  }

  private static double[] multiply(double[][] matrix, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double sum = 0;
      for (int j = 0; j < v.length; j++) {
        sum += matrix[i][j] * v[j];
      }
      out[i] = sum;
    }
    return out;
  }

  /** Modified Gram-Schmidt, in order: the first vectors keep the strongest directions. */
  private static void orthonormalize(double[][] vectors) {
    for (int i = 0; i < vectors.length; i++) {
      for (int j = 0; j < i; j++) {
        double dot = 0;
        for (int t = 0; t < vectors[i].length; t++) {
          dot += vectors[i][t] * vectors[j][t];
        }
        for (int t = 0; t < vectors[i].length; t++) {
          vectors[i][t] -= dot * vectors[j][t];
        }
      }
      double norm = 0;
      for (double x : vectors[i]) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int t = 0; t < vectors[i].length; t++) {
        vectors[i][t] /= norm;
      }
    }
  }

  private static double rayleigh(double[][] matrix, double[] v) {
    double[] mv = multiply(matrix, v);
    double dot = 0;
    for (int i = 0; i < v.length; i++) {
      dot += v[i] * mv[i];
    }
    return dot;
  }
}
