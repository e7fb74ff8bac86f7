package dev.reel.score;

import java.util.ArrayList;
import java.util.List;
import dev.reel.chunk.TokenChunk;
import dev.reel.config.ImportancePart;
import dev.reel.config.ScoreOptions;

/**
 * What every backend does alike around its attention: each question's DNA lookup of the chunk's tokens and the
 * weight each query carries (gravity plus relevance plus a base), then each token's importance from its gravity,
 * the attention it received and its relevance (less the parts --ablate switched off), scaled by how much the token
 * tells where the lookup says so (the question-less reel).
 */
public final class ChunkScoring {
  private ChunkScoring() {}

  /** Each question's lookup of a chunk's tokens, and the weight of each query per question. */
  public record Inputs(DnaLookup.Looked[] dna, float[][] weights) {}

  public static Inputs inputs(TokenChunk chunk, List<QuestionDna> questions) {
    int n = chunk.length();
    DnaLookup.Looked[] dna = new DnaLookup.Looked[questions.size()];
    float[][] weights = new float[questions.size()][n];
    for (int q = 0; q < questions.size(); q++) {
      dna[q] = questions.get(q).dna().lookup(chunk.ids(), n);
      for (int i = 0; i < n; i++) {
        weights[q][i] = dna[q].gravity()[i] + dna[q].relevance()[i] + ScoringModel.BASE_QUERY_WEIGHT;
      }
    }
    return new Inputs(dna, weights);
  }

  /** Each question's scores, given the attention each token received under that question's weights. */
  public static List<ChunkScores> scores(ScoreOptions options, Inputs inputs, float[][] received) {
    List<ChunkScores> scores = new ArrayList<>(received.length);
    for (int q = 0; q < received.length; q++) {
      DnaLookup.Looked dna = inputs.dna()[q];
      scores.add(new ChunkScores(importance(options, dna, received[q]), dna.gravity(), received[q],
          dna.relevance(), dna.gate()));
    }
    return scores;
  }

  private static float[] importance(ScoreOptions options, DnaLookup.Looked dna, float[] received) {
    float[] importance = new float[received.length];
    for (int i = 0; i < importance.length; i++) {
      importance[i] = (options.uses(ImportancePart.GRAVITY) ? dna.gravity()[i] : 0)
          + (options.uses(ImportancePart.ATTENTION) ? received[i] : 0)
          + (options.uses(ImportancePart.RELEVANCE) ? dna.relevance()[i] : 0);
      if (dna.information() != null) {
        importance[i] *= dna.information()[i];
      }
    }
    return importance;
  }
}
