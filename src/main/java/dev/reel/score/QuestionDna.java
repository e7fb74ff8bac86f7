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
  /** Builds the gates and their lookup on the driver: a pass over the vocabulary per gate. */
  public static QuestionDna build(LearnedTastes learned, ScoreOptions options, Weighted question,
                                  TokenVectors vectors, Vocabulary vocabulary) {
    DnaGates gates = DnaGates.build(learned, options.gates(), options.seed(), (float) options.gateThreshold(),
        question, vectors, vocabulary);
    return new QuestionDna(gates, DnaLookup.build(gates, question, vectors), question);
  }
}
