package dev.reel.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Continuous LexRank (Erkan and Radev, 2004) over a corpus's sentences: TF-IDF vectors of Lucene's English analysis,
 * cosine similarity between different sentences as the graph's edge weights, and the stationary distribution of the
 * damped random walk on it.
 * The similarity matrix is never built: {@code S p = X (X^T p)} over the sparse unit rows, so an iteration costs the
 * rows' non-zeros and a 10 M-token corpus ranks in seconds.
 */
final class LexRank {
  private static final double DAMPING = 0.15;
  private static final int ITERATIONS = 40;
  /** Below this a sentence has no neighbour: what is left is the rounding of its similarity to itself. */
  private static final double MIN_DEGREE = 1e-6;

  private LexRank() {}

  /** Each sentence's LexRank score, summing to 1. */
  static double[] scores(List<String> sentences) {
    Map<String, Integer> terms = new HashMap<>();
    List<int[]> rows = new ArrayList<>(sentences.size());
    List<int[]> counts = new ArrayList<>(sentences.size());
    List<Integer> documentFrequency = new ArrayList<>();
    try (Analyzer analyzer = new EnglishAnalyzer()) {
      for (String sentence : sentences) {
        Map<Integer, Integer> tf = new HashMap<>();
        try (TokenStream stream = analyzer.tokenStream("text", sentence)) {
          CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
          stream.reset();
          while (stream.incrementToken()) {
            int id = terms.computeIfAbsent(term.toString(), t -> terms.size());
            tf.merge(id, 1, Integer::sum);
          }
          stream.end();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        int[] ids = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] tfs = Arrays.stream(ids).map(tf::get).toArray();
        for (int id : ids) {
          while (documentFrequency.size() <= id) {
            documentFrequency.add(0);
          }
          documentFrequency.set(id, documentFrequency.get(id) + 1);
        }
        rows.add(ids);
        counts.add(tfs);
      }
    }
    int n = sentences.size();
    float[][] values = new float[n][];
    for (int s = 0; s < n; s++) {
      int[] ids = rows.get(s);
      values[s] = new float[ids.length];
      double norm = 0;
      for (int k = 0; k < ids.length; k++) {
        double w = counts.get(s)[k] * Math.log((double) n / documentFrequency.get(ids[k]));
        values[s][k] = (float) w;
        norm += w * w;
      }
      for (int k = 0; k < ids.length; k++) {
        values[s][k] = norm == 0 ? 0 : (float) (values[s][k] / Math.sqrt(norm));
      }
    }
    double[] degree = multiply(rows, values, terms.size(), filled(n, 1));
    double[] p = filled(n, 1.0 / n);
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] q = new double[n];
      for (int s = 0; s < n; s++) {
        q[s] = degree[s] > MIN_DEGREE ? p[s] / degree[s] : 0;
      }
      double[] walked = multiply(rows, values, terms.size(), q);
      double total = 0;
      for (int s = 0; s < n; s++) {
        p[s] = DAMPING / n + (1 - DAMPING) * walked[s];
        total += p[s];
      }
      for (int s = 0; s < n; s++) {
        p[s] /= total;
      }
    }
    return p;
  }

  /**
   * {@code (X X^T - I) v}: the similarity matrix without its diagonal times {@code v}, through the sparse rows. A
   * sentence is no neighbour of itself (as in TextRank), so one like no other keeps only the damping's share.
   */
  private static double[] multiply(List<int[]> rows, float[][] values, int terms, double[] v) {
    double[] columns = new double[terms];
    for (int s = 0; s < rows.size(); s++) {
      int[] ids = rows.get(s);
      for (int k = 0; k < ids.length; k++) {
        columns[ids[k]] += values[s][k] * v[s];
      }
    }
    double[] out = new double[rows.size()];
    for (int s = 0; s < rows.size(); s++) {
      int[] ids = rows.get(s);
      double sum = 0;
      for (int k = 0; k < ids.length; k++) {
        sum += values[s][k] * columns[ids[k]];
      }
      double self = 0;
      for (int k = 0; k < ids.length; k++) {
        self += values[s][k] * (double) values[s][k] * v[s];
      }
      out[s] = sum - self;
    }
    return out;
  }

  private static double[] filled(int n, double value) {
    double[] out = new double[n];
    Arrays.fill(out, value);
    return out;
  }
}
