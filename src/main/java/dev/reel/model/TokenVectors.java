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

  public TokenVectors(int vocab, int dims, float[] rows) {
    if (rows.length != (long) vocab * dims) {
      throw new IllegalArgumentException("expected " + vocab + " x " + dims + " floats, found " + rows.length);
    }
    this.vocab = vocab;
    this.dims = dims;
    this.rows = rows;
  }

  /** Centres the raw rows on their mean and scales each to unit length (in place). */
  static TokenVectors centredUnit(int vocab, int dims, float[] raw) {
    double[] mean = new double[dims];
    for (int t = 0; t < vocab; t++) {
      for (int k = 0; k < dims; k++) {
        mean[k] += raw[t * dims + k];
      }
    }
    for (int k = 0; k < dims; k++) {
      mean[k] /= vocab;
    }
    for (int t = 0; t < vocab; t++) {
      double norm = 0;
      for (int k = 0; k < dims; k++) {
        double v = raw[t * dims + k] - mean[k];
        raw[t * dims + k] = (float) v;
        norm += v * v;
      }
      float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
      for (int k = 0; k < dims; k++) {
        raw[t * dims + k] *= scale;
      }
    }
    return new TokenVectors(vocab, dims, raw);
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
