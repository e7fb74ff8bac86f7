package dev.reel.score;

/**
 * RoPE at original int64 positions. Angles are formed in double precision: at position 10^7 a float position
 * (24-bit mantissa) is already off by one. A chunk's positions are consecutive, so
 * {@code angle(p0 + i) = angle(p0) + angle(i)} is applied with exact double sine/cosine sums, which keeps the cost
 * at four multiplications per element instead of a transcendental call.
 */
public final class RotaryEncoding {
  private static final double BASE = 10_000;
  private final int dims;
  private final int half;
  private final double[] frequencies;
  private final double[] localCos;
  private final double[] localSin;
  private final int span;

  /** {@code span}: the longest run of consecutive positions rotated in one call. */
  public RotaryEncoding(int dims, int span) {
    if (dims % 2 != 0) {
      throw new IllegalArgumentException("RoPE needs an even dimension; found " + dims);
    }
    this.dims = dims;
    this.half = dims / 2;
    this.span = span;
    this.frequencies = new double[half];
    for (int k = 0; k < half; k++) {
      frequencies[k] = Math.pow(BASE, -2.0 * k / dims);
    }
    localCos = new double[span * half];
    localSin = new double[span * half];
    for (int i = 0; i < span; i++) {
      for (int k = 0; k < half; k++) {
        localCos[i * half + k] = Math.cos(i * frequencies[k]);
        localSin[i * half + k] = Math.sin(i * frequencies[k]);
      }
    }
  }

  /** The frequency of each pair k (element k with element k + dims / 2): {@code 10000^(-2k / dims)}. */
  public double[] frequencies() {
    return frequencies.clone();
  }

  /** The angle of position {@code p} in pair {@code k}, reduced modulo 2 pi in double. */
  public double angle(long position, int k) {
    return Math.IEEEremainder(position * frequencies[k], 2 * Math.PI);
  }

  /**
   * Rotates {@code n} row vectors (row-major {@code [n][dims]}) at positions {@code first .. first + n - 1},
   * pairing element k with element k + dims/2 ("rotate half").
   */
  public float[] rotate(float[] rows, int n, long first) {
    float[] out = new float[n * dims];
    rotate(rows, n, first, out);
    return out;
  }

  /** As {@link #rotate(float[], int, long)}, into {@code out} (at least {@code n * dims} long). */
  public void rotate(float[] rows, int n, long first, float[] out) {
    if (n > span) {
      throw new IllegalArgumentException("RoPE span is " + span + "; asked to rotate " + n);
    }
    double[] c0 = new double[half];
    double[] s0 = new double[half];
    for (int k = 0; k < half; k++) {
      double theta = angle(first, k);
      c0[k] = Math.cos(theta);
      s0[k] = Math.sin(theta);
    }
    for (int i = 0; i < n; i++) {
      int local = i * half;
      int row = i * dims;
      for (int k = 0; k < half; k++) {
        double ci = localCos[local + k];
        double si = localSin[local + k];
        double cos = c0[k] * ci - s0[k] * si;
        double sin = s0[k] * ci + c0[k] * si;
        double x = rows[row + k];
        double y = rows[row + k + half];
        out[row + k] = (float) (x * cos - y * sin);
        out[row + k + half] = (float) (x * sin + y * cos);
      }
    }
  }

  /** Rotates vectors at arbitrary positions (the driver's buffer is not consecutive). */
  public float[] rotateAt(float[] rows, long[] positions) {
    int n = positions.length;
    float[] out = new float[n * dims];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < half; k++) {
        double theta = angle(positions[i], k);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double x = rows[i * dims + k];
        double y = rows[i * dims + k + half];
        out[i * dims + k] = (float) (x * cos - y * sin);
        out[i * dims + k + half] = (float) (x * sin + y * cos);
      }
    }
    return out;
  }
}
