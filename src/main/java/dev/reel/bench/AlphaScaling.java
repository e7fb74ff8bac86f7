package dev.reel.bench;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.RotaryEncoding;
import dev.reel.score.ScoringModel;
import dev.reel.score.cpu.TorchShortlistAttention;

/**
 * Times the alpha kernel on one chunk of C real tokens, C from 512 to 16384, for each alpha, and fits the log-log
 * slope of time against C (expected: 2 - alpha). The fastest of the repetitions after one warm-up: on a shared
 * 2-core machine the minimum is the stable statistic, the median drifts with neighbours' load.
 */
final class AlphaScaling {
  private final BenchCorpus corpus;
  private final int reps;

  AlphaScaling(BenchCorpus corpus, int reps) {
    this.corpus = corpus;
    this.reps = reps;
  }

  /** One row per alpha: seconds per chunk at each size, the keys per query, and the fitted slope. */
  record Row(double alpha, int[] sizes, double[] seconds, int[] keys, double slope) {}

  List<Row> run(double[] alphas, int[] sizes) {
    List<Row> rows = new ArrayList<>();
    for (double alpha : alphas) {
      double[] seconds = new double[sizes.length];
      int[] keys = new int[sizes.length];
      for (int s = 0; s < sizes.length; s++) {
        AlphaShortlist shortlist = new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS);
        keys[s] = shortlist.keys(sizes[s]);
        seconds[s] = time(shortlist, sizes[s]);
        System.err.printf(Locale.ROOT, "alpha %.1f  C %6d  L %6d  %.4f s%n", alpha, sizes[s], keys[s], seconds[s]);
      }
      rows.add(new Row(alpha, sizes, seconds, keys, slope(sizes, seconds)));
    }
    return rows;
  }

  private double time(AlphaShortlist shortlist, int c) {
    int dims = corpus.attentionVectors.dims();
    float[] rows = new float[c * dims];
    corpus.attentionVectors.gather(corpus.tokens(0, c), c, rows);
    float[] rotated = new RotaryEncoding(dims, c).rotate(rows, c, 9_000_000L);
    float[] gravity = new float[c];
    float[] weights = new float[c];
    for (int i = 0; i < c; i++) {
      gravity[i] = (float) Math.abs(Math.sin(i * 0.37));
      weights[i] = gravity[i] + ScoringModel.BASE_QUERY_WEIGHT;
    }
    TorchShortlistAttention kernel = new TorchShortlistAttention(shortlist, ScoringModel.ATTENTION_TEMPERATURE,
        ScoringModel.LOCALITY_TOKENS, true);
    double[] samples = new double[reps];
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      for (int r = -1; r < reps; r++) {
        try (NDManager scope = manager.newSubManager()) {
          long start = System.nanoTime();
          kernel.attend(scope, rotated, null, c, dims, gravity, weights);
          if (r >= 0) {
            samples[r] = (System.nanoTime() - start) / 1e9;
          }
        }
      }
    }
    Arrays.sort(samples);
    return samples[0];
  }

  /** Least-squares slope of log(seconds) against log(C). */
  static double slope(int[] sizes, double[] seconds) {
    int n = sizes.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += Math.log(sizes[i]) / n;
      my += Math.log(seconds[i]) / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(sizes[i]) - mx;
      sxy += dx * (Math.log(seconds[i]) - my);
      sxx += dx * dx;
    }
    return sxy / sxx;
  }
}
