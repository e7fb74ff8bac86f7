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
 * slope of time against C (expected: 2 - alpha).
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

  /**
   * For each alpha: a JIT warm-up over every size (at least 32,768 queries each), then {@code reps} rounds; a round
   * visits every size, re-warms the caches at that size with a few untimed calls, then times it (several calls for
   * small sizes). Each size keeps its fastest time over all rounds. The machine here has minutes-long slow spells;
   * rounds spread them over all sizes, and the minimum picks each size's undisturbed time.
   */
  List<Row> run(double[] alphas, int[] sizes) {
    List<Row> rows = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      for (double alpha : alphas) {
        AlphaShortlist shortlist = new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS);
        Chunk[] chunks = new Chunk[sizes.length];
        int[] keys = new int[sizes.length];
        double[] seconds = new double[sizes.length];
        Arrays.fill(seconds, Double.MAX_VALUE);
        for (int s = 0; s < sizes.length; s++) {
          chunks[s] = chunk(sizes[s]);
          keys[s] = shortlist.keys(sizes[s]);
          for (int w = 0; w < Math.max(2, 32_768 / sizes[s]); w++) {
            time(manager, shortlist, chunks[s]);
          }
        }
        for (int r = 0; r < reps; r++) {
          for (int s = 0; s < sizes.length; s++) {
            for (int w = 0; w < Math.max(1, 4_096 / sizes[s]); w++) {
              time(manager, shortlist, chunks[s]);
            }
            for (int t = 0; t < Math.max(1, 8_192 / sizes[s]); t++) {
              seconds[s] = Math.min(seconds[s], time(manager, shortlist, chunks[s]));
            }
          }
        }
        for (int s = 0; s < sizes.length; s++) {
          System.err.printf(Locale.ROOT, "alpha %.1f  C %6d  L %6d  %.4f s%n", alpha, sizes[s], keys[s], seconds[s]);
        }
        rows.add(new Row(alpha, sizes, seconds, keys, slope(sizes, seconds)));
      }
    }
    return rows;
  }

  /** One chunk's inputs: rotated projected vectors of real tokens, a gravity profile, query weights. */
  private record Chunk(int c, float[] rotated, float[] gravity, float[] weights) {}

  private Chunk chunk(int c) {
    int dims = corpus.attentionVectors.dims();
    float[] rows = new float[c * dims];
    corpus.attentionVectors.gather(corpus.tokens(0, c), c, rows);
    float[] gravity = new float[c];
    float[] weights = new float[c];
    for (int i = 0; i < c; i++) {
      gravity[i] = (float) Math.abs(Math.sin(i * 0.37));
      weights[i] = gravity[i] + ScoringModel.BASE_QUERY_WEIGHT;
    }
    return new Chunk(c, new RotaryEncoding(dims, c).rotate(rows, c, 9_000_000L), gravity, weights);
  }

  private double time(NDManager manager, AlphaShortlist shortlist, Chunk chunk) {
    TorchShortlistAttention kernel = new TorchShortlistAttention(shortlist, ScoringModel.ATTENTION_TEMPERATURE,
        ScoringModel.LOCALITY_TOKENS, true);
    try (NDManager scope = manager.newSubManager()) {
      long start = System.nanoTime();
      kernel.attend(scope, chunk.rotated(), null, chunk.c(), corpus.attentionVectors.dims(), chunk.gravity(),
          chunk.weights());
      return (System.nanoTime() - start) / 1e9;
    }
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
