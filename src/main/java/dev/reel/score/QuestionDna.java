package dev.reel.score;

import java.io.Serializable;
import dev.reel.config.ScoreOptions;
import dev.reel.dna.LearnedTastes;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * What scoring needs of one question (or of none: the plain reel): its DNA gates (the corpus tastes, then one gate per
 * question token) and their per-token lookup (gravity, gate, relevance), and the weighted question tokens.
 */
public record QuestionDna(DnaGates gates, DnaLookup dna, Weighted question) implements Serializable {
  /**
   * Builds questions' DNA on the driver with the same corpus tastes: the corpus gates' pass over the vocabulary
   * once, then one pass per question over its own gates. Thread-safe: questions answered at once share it.
   */
  public static final class Builder {
    private final LearnedTastes learned;
    private final ScoreOptions options;
    private final TokenVectors vectors;
    private final Vocabulary vocabulary;
    private final float[] information;
    private DnaLookup.Corpus corpus;

    /**
     * @param learned     the corpus gates' tastes, or null for seeded random ones
     * @param information how much each vocabulary entry tells, weighing importance when there is no question; null
     *                    to weigh every entry in full
     */
    public Builder(LearnedTastes learned, ScoreOptions options, TokenVectors vectors, Vocabulary vocabulary,
                   float[] information) {
      this.learned = learned;
      this.options = options;
      this.vectors = vectors;
      this.vocabulary = vocabulary;
      this.information = information;
    }

    public QuestionDna build(Weighted question) {
      DnaGates gates = DnaGates.build(learned, options.gates(), options.seed(), (float) options.gateThreshold(),
          question, vectors, vocabulary);
      DnaLookup lookup = DnaLookup.build(gates, question, vectors, corpus(gates, question));
      boolean informed = information != null && question.ids().length == 0;
      return new QuestionDna(gates, informed ? lookup.informedBy(information) : lookup, question);
    }

    /** The corpus gates' part, made by the first question and shared by the others. */
    private synchronized DnaLookup.Corpus corpus(DnaGates gates, Weighted question) {
      if (corpus == null) {
        corpus = DnaLookup.corpus(gates, question, vectors);
      }
      return corpus;
    }
  }
}
