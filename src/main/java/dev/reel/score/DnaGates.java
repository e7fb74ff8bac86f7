package dev.reel.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import dev.reel.dna.LearnedTastes;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * DNA gates: each has a taste (a unit vector in the embedding space), a threshold and a strength. A token is
 * caught by a gate when its cosine similarity to the taste clears the threshold; its gravity is how far it clears
 * it, scaled by the gate's strength. Tastes are fixed before scoring starts and never change inside a task, so a
 * retried task scores identically.
 */
public final class DnaGates implements Serializable {
  /** The question's own tokens pull harder than corpus-level tastes. */
  static final float QUESTION_STRENGTH = 2f;
  static final float QUESTION_THRESHOLD = 0.5f;

  private final List<String> names;
  private final float[] tastes;
  private final float[] thresholds;
  private final float[] strengths;
  private final int dims;

  private DnaGates(List<String> names, float[] tastes, float[] thresholds, float[] strengths, int dims) {
    this.names = names;
    this.tastes = tastes;
    this.thresholds = thresholds;
    this.strengths = strengths;
    this.dims = dims;
  }

  /**
   * The corpus gates (the learned tastes when given, else {@code randomGates} seeded random ones at
   * {@code threshold}), then one gate per question content token, pulling by its weight.
   */
  public static DnaGates build(LearnedTastes learned, int randomGates, long seed, float threshold, Weighted question,
                               TokenVectors vectors, Vocabulary vocabulary) {
    int dims = vectors.dims();
    int[] questionTokens = question.ids();
    int corpusGates = learned != null ? learned.gates().size() : randomGates;
    int total = corpusGates + questionTokens.length;
    List<String> names = new ArrayList<>(total);
    float[] tastes = new float[total * dims];
    float[] thresholds = new float[total];
    float[] strengths = new float[total];
    if (learned != null) {
      for (int g = 0; g < corpusGates; g++) {
        LearnedTastes.Gate gate = learned.gates().get(g);
        if (gate.taste().length != dims) {
          throw new IllegalArgumentException("dna: gate " + gate.name() + " has " + gate.taste().length
              + " dimensions, the model " + dims + " (--dna was learned with another model)");
        }
        System.arraycopy(gate.taste(), 0, tastes, g * dims, dims);
        names.add(gate.name());
        thresholds[g] = gate.threshold();
        strengths[g] = 1f;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int g = 0; learned == null && g < randomGates; g++) {
      double norm = 0;
      for (int k = 0; k < dims; k++) {
        double v = gaussian(random);
        tastes[g * dims + k] = (float) v;
        norm += v * v;
      }
      for (int k = 0; k < dims; k++) {
        tastes[g * dims + k] /= (float) Math.sqrt(norm);
      }
      names.add("random-" + g);
      thresholds[g] = threshold;
      strengths[g] = 1f;
    }
    float[] row = new float[dims];
    for (int q = 0; q < questionTokens.length; q++) {
      int g = corpusGates + q;
      vectors.gather(new int[] {questionTokens[q]}, 1, row);
      System.arraycopy(row, 0, tastes, g * dims, dims);
      names.add("question:" + vocabulary.token(questionTokens[q]));
      thresholds[g] = QUESTION_THRESHOLD;
      strengths[g] = QUESTION_STRENGTH * question.weights()[q];
    }
    return new DnaGates(names, tastes, thresholds, strengths, dims);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  public int count() {
    return names.size();
  }

  public List<String> names() {
    return names;
  }

  public int dims() {
    return dims;
  }

  /** Tastes row-major {@code [gates][dims]}. */
  public float[] tastes() {
    return tastes;
  }

  public float threshold(int gate) {
    return thresholds[gate];
  }

  public float strength(int gate) {
    return strengths[gate];
  }
}
