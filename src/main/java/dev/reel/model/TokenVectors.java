package dev.reel.model;

import java.io.Serializable;

/**
 * One unit vector per vocabulary entry, row-major {@code [vocab][dims]}, centred on the table mean before
 * normalising (contextual models' raw outputs share a large common direction that would make every pair look alike).
 */
public final class TokenVectors implements Serializable {
  private final int vocab;
  private final int dims;
  private final float[] rows;
  /** The mean the raw rows were centred on; null when the table was not derived from raw rows. */
  private final double[] mean;
  /** Each entry's raw (uncentred) L2 norm; null when the table was not derived from raw rows. */
  private final float[] rawNorms;

  public TokenVectors(int vocab, int dims, float[] rows) {
    this(vocab, dims, rows, null, null);
  }

  private TokenVectors(int vocab, int dims, float[] rows, double[] mean, float[] rawNorms) {
    if (rows.length != (long) vocab * dims) {
      throw new IllegalArgumentException("expected " + vocab + " x " + dims + " floats, found " + rows.length);
    }
    this.vocab = vocab;
    this.dims = dims;
    this.rows = rows;
    this.mean = mean;
    this.rawNorms = rawNorms;
  }

  /**
   * Centres the raw rows on their mean and scales each to unit length (in place); keeps the mean (contextual rows
   * are centred on it too) and each row's raw norm (--rule seed-l2) first.
   */
  static TokenVectors centredUnit(int vocab, int dims, float[] raw) {
    double[] mean = new double[dims];
    float[] rawNorms = new float[vocab];
    for (int t = 0; t < vocab; t++) {
      double squares = 0;
      for (int k = 0; k < dims; k++) {
        float v = raw[t * dims + k];
        mean[k] += v;
        squares += (double) v * v;
      }
      rawNorms[t] = (float) Math.sqrt(squares);
    }
    for (int k = 0; k < dims; k++) {
      mean[k] /= vocab;
    }
    for (int t = 0; t < vocab; t++) {
      AttentionProjection.centreUnit(raw, t, mean);
    }
    return new TokenVectors(vocab, dims, raw, mean, rawNorms);
  }

  /** A copy of the L2 norm of each entry's raw row, before centring; null when not derived from raw rows. */
  public float[] rawNorms() {
    return rawNorms == null ? null : rawNorms.clone();
  }

  /** A copy of the mean the raw rows were centred on; null when not derived from raw rows. */
  public double[] mean() {
    return mean == null ? null : mean.clone();
  }

  public int vocab() {
    return vocab;
  }

  public int dims() {
    return dims;
  }

  /** Copies the vectors of {@code ids} into {@code out}, row after row; ids outside the vocabulary give zeros. */
  public void gather(int[] ids, int count, float[] out) {
    for (int i = 0; i < count; i++) {
      int id = ids[i];
      if (id >= 0 && id < vocab) {
        System.arraycopy(rows, id * dims, out, i * dims, dims);
      } else {
        java.util.Arrays.fill(out, i * dims, (i + 1) * dims, 0f);
      }
    }
  }

  public double cosine(int a, int b) {
    double dot = 0;
    for (int k = 0; k < dims; k++) {
      dot += rows[a * dims + k] * rows[b * dims + k];
    }
    return dot;
  }
}
