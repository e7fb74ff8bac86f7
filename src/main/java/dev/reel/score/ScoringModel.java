package dev.reel.score;

import java.io.Serializable;
import dev.reel.config.ScoreOptions;
import dev.reel.config.ScoringRule;
import dev.reel.config.VectorSource;
import dev.reel.model.ContextualSpec;
import dev.reel.model.TokenVectors;

/**
 * What a scorer needs whatever the question, built once on the driver and broadcast with the questions' DNA
 * ({@link ScoringBatch}): the token vectors projected on their principal directions (for attention) and the scoring
 * options; and, only when the options ask for them, each vocabulary entry's raw vector norm (--rule seed-l2) and
 * what executors need to encode chunks in context (--vectors contextual). Read-only on executors.
 *
 * @param rawNorms   raw static-vector norm per token id under --rule seed-l2, else null (not broadcast)
 * @param contextual model, special tokens and projection under --vectors contextual, else null
 */
public record ScoringModel(TokenVectors attentionVectors, ScoreOptions options, int chunkTokens, float[] rawNorms,
                           ContextualSpec contextual)
    implements Serializable {
  /** Dimensions attention runs in: the table's top principal directions. */
  public static final int ATTENTION_DIMS = 64;
  /** Softmax temperature of the in-chunk attention over unit vectors. */
  public static final float ATTENTION_TEMPERATURE = 0.1f;
  /** Attention logits fall by one for every this many tokens of distance: evidence is local. */
  public static final float LOCALITY_TOKENS = 4f;
  /** Every token asks a little, so chunks without interest still rank their tokens. */
  public static final float BASE_QUERY_WEIGHT = 0.01f;

  public ScoringModel {
    if ((options.rule() == ScoringRule.SEED_L2) != (rawNorms != null)) {
      throw new IllegalArgumentException("score: raw norms go with --rule seed-l2 and only with it; rule "
          + options.rule() + ", raw norms " + (rawNorms == null ? "absent" : "present"));
    }
    if ((options.vectors() == VectorSource.CONTEXTUAL) != (contextual != null)) {
      throw new IllegalArgumentException("score: a contextual model goes with --vectors contextual and only with it; "
          + "vectors " + options.vectors() + ", model " + (contextual == null ? "absent" : "present"));
    }
    if (contextual != null && contextual.projection().outputDims() != attentionVectors.dims()) {
      throw new IllegalArgumentException("score: contextual rows project to " + contextual.projection().outputDims()
          + " dims; expected the attention table's " + attentionVectors.dims());
    }
  }

  /** The dna rule on static vectors (the defaults): no raw norms, no contextual model. */
  public ScoringModel(TokenVectors attentionVectors, ScoreOptions options, int chunkTokens) {
    this(attentionVectors, options, chunkTokens, null, null);
  }
}
