package dev.reel.score;

import java.io.Serializable;
import java.util.Arrays;
import dev.reel.model.TokenVectors;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * DNA gravity, catching gate and question relevance for every vocabulary entry, computed once on the driver.
 * Token vectors are static (one per vocabulary entry), so these are functions of the token id alone: a chunk's DNA
 * is a lookup instead of a 512 x 384 x G product, bit for bit the same numbers wherever the chunk is scored.
 */
public final class DnaLookup implements Serializable {
  private final float[] gravity;
  private final int[] gate;
  private final float[] relevance;
  /** How much each entry tells, in [0, 1], scaling its importance; null: every entry counts in full. */
  private final float[] information;

  private DnaLookup(float[] gravity, int[] gate, float[] relevance, float[] information) {
    this.gravity = gravity;
    this.gate = gate;
    this.relevance = relevance;
    this.information = information;
  }

  /** The same lookup, each entry's importance scaled by {@code information} (one value in [0, 1] per entry). */
  public DnaLookup informedBy(float[] information) {
    if (information.length != gravity.length) {
      throw new IllegalArgumentException("score: information for " + information.length + " entries, vocabulary "
          + gravity.length);
    }
    return new DnaLookup(gravity, gate, relevance, information.clone());
  }

  /**
   * Gravity: the strongest {@code strength * (sim - threshold) / (1 - threshold)} over the gates the token clears;
   * relevance: the best {@code weight * max(0, sim)^3} over the question's tokens.
   */
  public static DnaLookup build(DnaGates gates, Weighted question, TokenVectors vectors) {
    return build(gates, question, vectors, corpus(gates, question, vectors));
  }

  /**
   * The same, the corpus gates' part taken from {@code corpus} (computed once for every question asked with the
   * same tastes): only the question's own gates are compared here. The same numbers as {@link #build(DnaGates,
   * Weighted, TokenVectors)}: the gates are visited in the same order.
   */
  public static DnaLookup build(DnaGates gates, Weighted question, TokenVectors vectors, Corpus corpus) {
    int firstQuestionGate = gates.count() - question.ids().length;
    if (corpus.gates != firstQuestionGate
        || !Arrays.equals(corpus.tastes, Arrays.copyOf(gates.tastes(), firstQuestionGate * vectors.dims()))) {
      throw new IllegalArgumentException("score: the corpus gates' lookup was made for other tastes");
    }
    int vocab = vectors.vocab();
    float[] gravity = corpus.gravity.clone();
    int[] gate = corpus.gate.clone();
    float[] relevance = new float[vocab];
    float[] row = new float[vectors.dims()];
    for (int t = 0; t < vocab; t++) {
      vectors.gather(new int[] {t}, 1, row);
      for (int k = firstQuestionGate; k < gates.count(); k++) {
        double sim = similarity(row, gates.tastes(), k);
        pull(gates, k, sim, t, gravity, gate);
        double s = Math.max(0, sim);
        relevance[t] = Math.max(relevance[t], (float) (question.weights()[k - firstQuestionGate] * s * s * s));
      }
    }
    return new DnaLookup(gravity, gate, relevance, null);
  }

  /** The corpus gates' strongest pull and catching gate per vocabulary entry: what every question shares. */
  public static final class Corpus {
    private final int gates;
    private final float[] tastes;
    private final float[] gravity;
    private final int[] gate;

    private Corpus(int gates, float[] tastes, float[] gravity, int[] gate) {
      this.gates = gates;
      this.tastes = tastes;
      this.gravity = gravity;
      this.gate = gate;
    }
  }

  /** The corpus part of {@code gates} (those before the question's own), over the whole vocabulary. */
  public static Corpus corpus(DnaGates gates, Weighted question, TokenVectors vectors) {
    int vocab = vectors.vocab();
    int corpusGates = gates.count() - question.ids().length;
    float[] gravity = new float[vocab];
    int[] gate = new int[vocab];
    float[] row = new float[vectors.dims()];
    for (int t = 0; t < vocab; t++) {
      vectors.gather(new int[] {t}, 1, row);
      gate[t] = -1;
      for (int k = 0; k < corpusGates; k++) {
        pull(gates, k, similarity(row, gates.tastes(), k), t, gravity, gate);
      }
    }
    return new Corpus(corpusGates, Arrays.copyOf(gates.tastes(), corpusGates * vectors.dims()), gravity, gate);
  }

  /** Gate {@code k}'s pull on entry {@code t} at similarity {@code sim}: it catches the entry if it pulls hardest. */
  private static void pull(DnaGates gates, int k, double sim, int t, float[] gravity, int[] gate) {
    float threshold = gates.threshold(k);
    if (sim > threshold) {
      float pull = (float) (gates.strength(k) * (sim - threshold) / (1 - threshold));
      if (pull > gravity[t]) {
        gravity[t] = pull;
        gate[t] = k;
      }
    }
  }

  private static double similarity(float[] row, float[] tastes, int gate) {
    double sim = 0;
    int at = gate * row.length;
    for (int d = 0; d < row.length; d++) {
      sim += row[d] * tastes[at + d];
    }
    return sim;
  }

  /**
   * The DNA values of a run of tokens, one entry per token.
   *
   * @param gate        index of the gate that caught the token, -1 when none did
   * @param information how much each token tells (scales its importance), or null when all count in full
   */
  public record Looked(float[] gravity, int[] gate, float[] relevance, float[] information) {}

  /** Gravity, gate and relevance of the first {@code n} token ids; ids outside the vocabulary get 0, -1, 0. */
  public Looked lookup(int[] ids, int n) {
    Looked out = new Looked(new float[n], new int[n], new float[n], information == null ? null : new float[n]);
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      boolean known = id >= 0 && id < gravity.length;
      out.gravity()[i] = known ? gravity[id] : 0;
      out.gate()[i] = known ? gate[id] : -1;
      out.relevance()[i] = known ? relevance[id] : 0;
      if (information != null) {
        out.information()[i] = known ? information[id] : 0;
      }
    }
    return out;
  }
}
