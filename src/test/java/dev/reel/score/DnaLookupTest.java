package dev.reel.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import dev.reel.config.ModelOptions;
import dev.reel.model.ModelFiles;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * The DNA lookup holds, per token, the documented gravity, catching gate and relevance; built with the corpus gates'
 * part shared from another question, it is the same, bit for bit, as built alone.
 */
class DnaLookupTest {
  private static final int DIMS = 16;
  private static final Vocabulary VOCABULARY = Vocabulary.parse(
      new ModelFiles(new ModelOptions(null, null, System.getProperty("java.io.tmpdir"))).tokenizerJson());
  private static final TokenVectors VECTORS = vectors(VOCABULARY.size());

  @Test
  void eachTokenGetsItsStrongestPullAndBestRelevance() {
    Weighted question = new Weighted(new int[] {2000, 3000, 4000}, new float[] {1f, 0.5f, 0.25f});
    DnaGates gates = DnaGates.build(null, 6, 7, 0.15f, question, VECTORS, VOCABULARY);
    DnaLookup.Looked looked = DnaLookup.build(gates, question, VECTORS).lookup(allIds(), VECTORS.vocab());
    int vocab = VECTORS.vocab();
    float[] gravity = new float[vocab];
    int[] gate = new int[vocab];
    float[] relevance = new float[vocab];
    float[] row = new float[DIMS];
    for (int t = 0; t < vocab; t++) {
      VECTORS.gather(new int[] {t}, 1, row);
      gate[t] = -1;
      for (int k = 0; k < gates.count(); k++) {
        double sim = 0;
        for (int d = 0; d < DIMS; d++) {
          sim += row[d] * gates.tastes()[k * DIMS + d];
        }
        float pull = (float) (gates.strength(k) * (sim - gates.threshold(k)) / (1 - gates.threshold(k)));
        if (sim > gates.threshold(k) && pull > gravity[t]) {
          gravity[t] = pull;
          gate[t] = k;
        }
        int q = k - (gates.count() - 3);
        if (q >= 0) {
          double s = Math.max(0, sim);
          relevance[t] = Math.max(relevance[t], (float) (question.weights()[q] * s * s * s));
        }
      }
    }
    assertArrayEquals(gravity, looked.gravity(), 0f);
    assertArrayEquals(gate, looked.gate());
    assertArrayEquals(relevance, looked.relevance(), 0f);
  }

  @Test
  void theCorpusPartSharedBetweenQuestionsGivesTheSameLookup() {
    Weighted first = new Weighted(new int[] {2000, 3000}, new float[] {1f, 0.5f});
    Weighted second = new Weighted(new int[] {5000, 6000, 7000}, new float[] {0.7f, 0.2f, 1f});
    DnaGates firstGates = DnaGates.build(null, 6, 7, 0.15f, first, VECTORS, VOCABULARY);
    DnaLookup.Corpus shared = DnaLookup.corpus(firstGates, first, VECTORS);
    DnaGates secondGates = DnaGates.build(null, 6, 7, 0.15f, second, VECTORS, VOCABULARY);
    DnaLookup.Looked alone = DnaLookup.build(secondGates, second, VECTORS).lookup(allIds(), VECTORS.vocab());
    DnaLookup.Looked sharing = DnaLookup.build(secondGates, second, VECTORS, shared)
        .lookup(allIds(), VECTORS.vocab());
    assertArrayEquals(alone.gravity(), sharing.gravity(), 0f);
    assertArrayEquals(alone.gate(), sharing.gate());
    assertArrayEquals(alone.relevance(), sharing.relevance(), 0f);

    DnaGates otherSeed = DnaGates.build(null, 6, 8, 0.15f, second, VECTORS, VOCABULARY);
    assertThrows(IllegalArgumentException.class, () -> DnaLookup.build(otherSeed, second, VECTORS, shared),
        "a corpus part made for other tastes is refused");
  }

  private static int[] allIds() {
    int[] ids = new int[VECTORS.vocab()];
    for (int t = 0; t < ids.length; t++) {
      ids[t] = t;
    }
    return ids;
  }

  /** Unit rows, so cosines spread over (-1, 1) and some tokens clear the thresholds. */
  private static TokenVectors vectors(int vocab) {
    Random random = new Random(3);
    float[] values = new float[vocab * DIMS];
    for (int t = 0; t < vocab; t++) {
      double norm = 0;
      for (int d = 0; d < DIMS; d++) {
        values[t * DIMS + d] = (float) random.nextGaussian();
        norm += values[t * DIMS + d] * values[t * DIMS + d];
      }
      for (int d = 0; d < DIMS; d++) {
        values[t * DIMS + d] /= (float) Math.sqrt(norm);
      }
    }
    return new TokenVectors(vocab, DIMS, values);
  }
}
