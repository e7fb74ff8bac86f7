package dev.reel.reason;

import java.util.List;
import dev.reel.model.TokenVectors;
import dev.reel.score.AttentionKernel;
import dev.reel.score.Candidate;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * The question against the buffer. Each kept token's attention logit is its best weighted similarity to a question
 * token (the dot products on the final pass's backend), and a softmax over the whole buffer turns logits into the share of attention each token receives. Beside
 * it, each token's match to each question token, {@code max(0, cos)^3} (the shape of the scorer's relevance: the
 * token itself counts 1, an unrelated one about 0), from which passages count how much of the question they hold.
 *
 * @param attention the share of the question's attention per kept token, summing to 1
 * @param matches   row-major {@code [token][question token]} matches
 * @param width     question tokens per row
 */
record QuestionAttention(double[] attention, float[] matches, int width) {
  static final double TEMPERATURE = 0.1;

  float match(int token, int questionToken) {
    return matches[token * width + questionToken];
  }

  static QuestionAttention over(List<Candidate> buffer, Weighted question, TokenVectors vectors,
                                AttentionKernel kernel) {
    int[] questionTokens = question.ids();
    int width = questionTokens.length;
    int dims = vectors.dims();
    float[] tastes = new float[width * dims];
    vectors.gather(questionTokens, width, tastes);
    int[] ids = buffer.stream().mapToInt(Candidate::tokenId).toArray();
    float[] kept = new float[ids.length * dims];
    vectors.gather(ids, ids.length, kept);
    double[] dots = kernel.similarities(kept, ids.length, tastes, width, dims);
    double[] logits = new double[ids.length];
    float[] matches = new float[ids.length * width];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < ids.length; t++) {
      double best = -1;
      for (int q = 0; q < width; q++) {
        double dot = dots[t * width + q];
        best = Math.max(best, question.weights()[q] * dot);
        double positive = Math.max(0, dot);
        matches[t * width + q] = (float) (positive * positive * positive);
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
    return new QuestionAttention(logits, matches, width);
  }
}
