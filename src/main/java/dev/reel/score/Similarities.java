package dev.reel.score;

/**
 * The final pass's question match, as every backend computes it: each kept row against each question row, the
 * products rounded to float and summed in double in dimension order, so a backend that keeps that order gives the
 * same bits.
 */
public final class Similarities {
  private Similarities() {}

  /** {@code dots[t * width + q]}: kept row t (of {@code n}, row-major) dot question row q (of {@code width}). */
  public static double[] dots(float[] kept, int n, float[] question, int width, int dims) {
    double[] dots = new double[n * width];
    for (int t = 0; t < n; t++) {
      for (int q = 0; q < width; q++) {
        double dot = 0;
        for (int k = 0; k < dims; k++) {
          dot += question[q * dims + k] * kept[t * dims + k];
        }
        dots[t * width + q] = dot;
      }
    }
    return dots;
  }
}
