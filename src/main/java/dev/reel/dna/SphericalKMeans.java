package dev.reel.dna;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;

/**
 * Weighted spherical k-means over the vocabulary: each token is a unit vector weighted by its corpus frequency times
 * its IDF, so gates settle on what the corpus talks about rather than on "the" and ",". Seeded k-means++ start,
 * fixed iteration count, sums in double in vocabulary order: the same counts and seed give the same tastes.
 */
final class SphericalKMeans {
  static final int DEFAULT_ITERATIONS = 25;
  static final double DEFAULT_CATCH_SHARE = 0.75;
  private final TokenVectors vectors;
  private final Vocabulary vocabulary;

  SphericalKMeans(TokenVectors vectors, Vocabulary vocabulary) {
    this.vectors = vectors;
    this.vocabulary = vocabulary;
  }

  LearnedTastes train(double[] weights, int gates, long seed, int iterations, double catchShare, String model) {
    int dims = vectors.dims();
    int[] tokens = weightedTokens(weights);
    float[][] points = new float[tokens.length][dims];
    for (int p = 0; p < tokens.length; p++) {
      vectors.gather(new int[] {tokens[p]}, 1, points[p]);
    }
    int k = Math.min(gates, tokens.length);
    double[][] centroids = seedCentroids(points, tokens, weights, k, seed);
    int[] assignment = new int[tokens.length];
    for (int iteration = 0; iteration < iterations; iteration++) {
      assign(points, centroids, assignment);
      centroids = update(points, tokens, weights, assignment, centroids);
    }
    assign(points, centroids, assignment);
    return describe(points, tokens, weights, assignment, centroids, catchShare, seed, model);
  }

  /** Tokens with weight, in id order; special tokens and pure punctuation never become tastes. */
  private int[] weightedTokens(double[] weights) {
    List<Integer> kept = new ArrayList<>();
    for (int t = 0; t < weights.length && t < vectors.vocab(); t++) {
      boolean word = !vocabulary.isPunctuation(t) && !vocabulary.token(t).startsWith("[");
      if (weights[t] > 0 && word) {
        kept.add(t);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  /** k-means++: each next centroid drawn with probability weight x (1 - best cosine so far). */
  private static double[][] seedCentroids(float[][] points, int[] tokens, double[] weights, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centroids = new double[k][];
    double[] distance = new double[points.length];
    Arrays.fill(distance, 1);
    for (int c = 0; c < k; c++) {
      double total = 0;
      for (int p = 0; p < points.length; p++) {
        total += weights[tokens[p]] * distance[p];
      }
      double pick = random.nextDouble() * total;
      int chosen = points.length - 1;
      for (int p = 0; p < points.length; p++) {
        pick -= weights[tokens[p]] * distance[p];
        if (pick <= 0) {
          chosen = p;
          break;
        }
      }
      centroids[c] = toDouble(points[chosen]);
      for (int p = 0; p < points.length; p++) {
        distance[p] = Math.min(distance[p], Math.max(0, 1 - dot(points[p], centroids[c])));
      }
    }
    return centroids;
  }

  private static void assign(float[][] points, double[][] centroids, int[] assignment) {
    for (int p = 0; p < points.length; p++) {
      int best = 0;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < centroids.length; c++) {
        double sim = dot(points[p], centroids[c]);
        if (sim > bestSim) {
          bestSim = sim;
          best = c;
        }
      }
      assignment[p] = best;
    }
  }

  private static double[][] update(float[][] points, int[] tokens, double[] weights, int[] assignment,
                                   double[][] previous) {
    int dims = points[0].length;
    double[][] sums = new double[previous.length][dims];
    for (int p = 0; p < points.length; p++) {
      double w = weights[tokens[p]];
      for (int d = 0; d < dims; d++) {
        sums[assignment[p]][d] += w * points[p][d];
      }
    }
    for (int c = 0; c < sums.length; c++) {
      double norm = Math.sqrt(Arrays.stream(sums[c]).map(v -> v * v).sum());
      if (norm == 0) {
        sums[c] = previous[c]; // an emptied cluster keeps its taste
      } else {
        for (int d = 0; d < dims; d++) {
          sums[c][d] /= norm;
        }
      }
    }
    return sums;
  }

  /** Thresholds so each gate catches {@code catchShare} of its cluster's weight; top tokens by weight x closeness. */
  private LearnedTastes describe(float[][] points, int[] tokens, double[] weights, int[] assignment,
                                 double[][] centroids, double catchShare, long seed, String model) {
    double totalWeight = 0;
    for (int token : tokens) {
      totalWeight += weights[token];
    }
    List<LearnedTastes.Gate> gates = new ArrayList<>();
    for (int c = 0; c < centroids.length; c++) {
      List<double[]> members = new ArrayList<>(); // {similarity, weight, token}
      double clusterWeight = 0;
      for (int p = 0; p < points.length; p++) {
        if (assignment[p] == c) {
          double w = weights[tokens[p]];
          members.add(new double[] {dot(points[p], centroids[c]), w, tokens[p]});
          clusterWeight += w;
        }
      }
      members.sort((a, b) -> Double.compare(b[0], a[0]));
      double threshold = 1;
      double covered = 0;
      for (double[] member : members) {
        covered += member[1];
        threshold = member[0];
        if (covered >= catchShare * clusterWeight) {
          break;
        }
      }
      List<double[]> byStrength = new ArrayList<>(members);
      byStrength.sort((a, b) -> Double.compare(b[1] * b[0], a[1] * a[0]));
      List<String> top = new ArrayList<>();
      for (int i = 0; i < Math.min(12, byStrength.size()); i++) {
        top.add(vocabulary.token((int) byStrength.get(i)[2]));
      }
      float[] taste = new float[centroids[c].length];
      for (int d = 0; d < taste.length; d++) {
        taste[d] = (float) centroids[c][d];
      }
      // Just under the member's similarity, so the member itself clears it.
      gates.add(new LearnedTastes.Gate("learned-" + c, taste, (float) (threshold - 1e-6), clusterWeight / totalWeight,
          top));
    }
    return new LearnedTastes(model, seed, gates);
  }

  private static double dot(float[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
