package dev.reel.reason;

import java.util.List;
import dev.reel.model.TokenVectors;
import dev.reel.score.Candidate;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * The question attends over the buffer: each kept token's logit is its best weighted similarity to a question token,
 * and a softmax over the whole buffer turns logits into the share of attention each token receives.
 */
final class QuestionAttention {
  static final double TEMPERATURE = 0.1;

  private QuestionAttention() {}

  static double[] weights(List<Candidate> buffer, Weighted question, TokenVectors vectors) {
    int[] questionTokens = question.ids();
    int dims = vectors.dims();
    float[] tastes = new float[questionTokens.length * dims];
    vectors.gather(questionTokens, questionTokens.length, tastes);
    int[] ids = buffer.stream().mapToInt(Candidate::tokenId).toArray();
    float[] kept = new float[ids.length * dims];
    vectors.gather(ids, ids.length, kept);
    double[] logits = new double[ids.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < ids.length; t++) {
      double best = -1;
      for (int q = 0; q < questionTokens.length; q++) {
        double dot = 0;
        for (int k = 0; k < dims; k++) {
          dot += tastes[q * dims + k] * kept[t * dims + k];
        }
        best = Math.max(best, question.weights()[q] * dot);
      }
      logits[t] = best / TEMPERATURE;
      max = Math.max(max, logits[t]);
    }
    double sum = 0;
    for (int t = 0; t < logits.length; t++) {
      logits[t] = Math.exp(logits[t] - max);
      sum += logits[t];
    }
    for (int t = 0; t < logits.length; t++) {
      logits[t] /= sum;
    }
    return logits;
  }
}
