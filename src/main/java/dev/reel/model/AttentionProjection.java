package dev.reel.model;

import java.io.Serializable;

/**
 * How a raw model output row becomes an attention row, by the very steps the static attention table was made with:
 * centred on the static table's mean, scaled to unit length, projected on the table's top principal directions and
 * rescaled to unit length. Contextual vectors go through it so they live in the same space as the static table
 * (a static token's raw row comes out as its attention-table row). About 200 KB (mean and a 64 x 384 basis);
 * travels to executors inside the scoring model. Thread-safe (read-only).
 */
public final class AttentionProjection implements Serializable {
  private final double[] mean;
  /** {@code [outputDims][inputDims]}, orthonormal rows; null keeps every dimension (no projection). */
  private final double[][] basis;

  AttentionProjection(double[] mean, double[][] basis) {
    this.mean = mean.clone();
    this.basis = basis;
  }

  public int inputDims() {
    return mean.length;
  }

  public int outputDims() {
    return basis == null ? mean.length : basis.length;
  }

  /** Projects {@code rows} raw rows ({@code [rows][inputDims]}, unchanged) into {@code out} ({@code [rows][outputDims]}). */
  public void project(float[] raw, int rows, float[] out) {
    int in = inputDims();
    float[] row = new float[in];
    for (int t = 0; t < rows; t++) {
      System.arraycopy(raw, t * in, row, 0, in);
      centreUnit(row, 0, mean);
      if (basis == null) {
        System.arraycopy(row, 0, out, t * in, in);
      } else {
        projectUnit(basis, row, out, t);
      }
    }
  }

  /** Centres row {@code t} of {@code rows} on {@code mean} and scales it to unit length, in place. */
  static void centreUnit(float[] rows, int t, double[] mean) {
    int dims = mean.length;
    int at = t * dims;
    double norm = 0;
    for (int k = 0; k < dims; k++) {
      double v = rows[at + k] - mean[k];
      rows[at + k] = (float) v;
      norm += v * v;
    }
    float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
    for (int k = 0; k < dims; k++) {
      rows[at + k] *= scale;
    }
  }

  /** Projects one row on {@code basis} into row {@code t} of {@code out}, rescaled to unit length. */
  static void projectUnit(double[][] basis, float[] row, float[] out, int t) {
    int dims = basis.length;
    double norm = 0;
    for (int k = 0; k < dims; k++) {
      double v = 0;
      for (int j = 0; j < row.length; j++) {
        v += basis[k][j] * row[j];
      }
      out[t * dims + k] = (float) v;
      norm += v * v;
    }
    float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
    for (int k = 0; k < dims; k++) {
      out[t * dims + k] *= scale;
    }
  }
}
