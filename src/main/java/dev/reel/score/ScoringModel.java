package dev.reel.score;

import java.io.Serializable;
import dev.reel.config.ScoreOptions;
import dev.reel.model.TokenVectors;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * Everything a scorer needs, built once on the driver and broadcast: the token vectors projected on their principal
 * directions (for attention), the DNA gates and their per-token lookup (gravity, gate, relevance), the weighted
 * question tokens and the scoring options. Read-only on executors.
 */
public record ScoringModel(TokenVectors attentionVectors, DnaGates gates, DnaLookup dna, Weighted question,
                           ScoreOptions options, int chunkTokens) implements Serializable {
  /** Dimensions attention runs in: the table's top principal directions. */
  public static final int ATTENTION_DIMS = 64;
  /** Softmax temperature of the in-chunk attention over unit vectors. */
  public static final float ATTENTION_TEMPERATURE = 0.1f;
  /** Attention logits fall by one for every this many tokens of distance: evidence is local. */
  public static final float LOCALITY_TOKENS = 4f;
  /** Every token asks a little, so chunks without interest still rank their tokens. */
  public static final float BASE_QUERY_WEIGHT = 0.01f;

  public boolean hasQuestion() {
    return question.ids().length > 0;
  }
}
