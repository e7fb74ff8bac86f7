package dev.reel.score;

import java.io.Serializable;
import java.util.List;

/**
 * One scoring pass: the question-independent model and the DNA of every question scored in it. Each chunk's rows,
 * RoPE and (where the attention layout does not depend on the question) softmax are computed once for all of them.
 */
public record ScoringBatch(ScoringModel model, List<QuestionDna> questions) implements Serializable {
  public ScoringBatch {
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("score: a pass scores at least one question (or the plain reel)");
    }
  }
}
