package dev.reel.score;

/**
 * How far a query's attention can reach under the distance penalty, for every backend alike. Rows of norm at most r
 * give logits within {@code +-r^2 / temperature = b} plus the penalty {@code -|i - j| / locality}; a query's best
 * logit is at least its neighbour's {@code -b - 1 / locality}, and its softmax sum at least 1, so a key at distance d
 * gets at most {@code exp(2b + (1 - d) / locality)} of the query's attention: below 2^-44 past the reach, less than a
 * float sum of up to 2^20 keys can hold. Kernels mask keys past it: exact zeros instead of denormals.
 */
public final class AttentionReach {
  /** A key past the reach gets at most e^-NEGLIGIBLE = 2^-44 of a query's attention. */
  private static final double NEGLIGIBLE = 44 * Math.log(2);

  private AttentionReach() {}

  /** The reach for rows whose largest squared norm is {@code squared}; unbounded without a penalty. */
  public static int of(double squared, float temperature, float locality) {
    if (locality <= 0) {
      return Integer.MAX_VALUE;
    }
    double reach = 1 + locality * (2 * squared / temperature + NEGLIGIBLE);
    return reach >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.ceil(reach);
  }

  /** The largest squared norm of the first {@code n} rows of {@code [n][dims]} {@code rows}. */
  public static double maxSquaredNorm(float[] rows, int n, int dims) {
    double squared = 0;
    for (int i = 0; i < n; i++) {
      squared = Math.max(squared, squaredNorm(rows, i, dims));
    }
    return squared;
  }

  /** The squared norm of row {@code i} of {@code [n][dims]} {@code rows}. */
  public static double squaredNorm(float[] rows, int i, int dims) {
    double norm = 0;
    for (int k = 0; k < dims; k++) {
      norm += (double) rows[i * dims + k] * rows[i * dims + k];
    }
    return norm;
  }
}
