package dev.reel.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import dev.reel.chunk.TokenChunk;
import dev.reel.config.ScoreOptions;
import dev.reel.config.ScoringRule;
import dev.reel.config.VectorSource;
import dev.reel.model.TokenVectors;
import dev.reel.tokenize.QuestionTokens.Weighted;

/** --rule seed-l2: importance is each token's raw norm, nothing else, and promotion keeps the largest norms. */
class SeedL2ScorerTest {
  private static final int VOCAB = 200;
  private static final int DIMS = 8;
  private static final int BUDGET = 5;

  @Test
  void importanceIsTheRawNormOfEachTokenAndNothingElse() {
    float[] norms = norms();
    TokenChunk chunk = chunk(64, 3);
    ChunkScores scores = new SeedL2Scorer(model(norms)).score(chunk, List.of(question())).get(0);
    float[] expected = new float[chunk.length()];
    for (int i = 0; i < chunk.length(); i++) {
      expected[i] = norms[chunk.ids()[i]];
    }
    assertArrayEquals(expected, scores.importance(), 0f);
    assertArrayEquals(new float[chunk.length()], scores.attention(), 0f, "no attention runs");
  }

  @Test
  void promotionKeepsTheHighestNormTokens() {
    float[] norms = norms();
    TokenChunk chunk = chunk(64, 4);
    ChunkScores scores = new SeedL2Scorer(model(norms)).score(chunk, List.of(question())).get(0);
    List<Candidate> promoted = new Promoter(0.9, BUDGET).promote(chunk, scores);
    Set<Long> expected = IntStream.range(0, chunk.length()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -norms[chunk.ids()[i]]))
        .limit(BUDGET).map(i -> chunk.positions()[i]).collect(Collectors.toSet());
    assertEquals(BUDGET, promoted.size(), "norms are alike, so the budget, not the nucleus, stops promotion");
    assertEquals(expected, promoted.stream().map(Candidate::position).collect(Collectors.toSet()));
    for (Candidate candidate : promoted) {
      assertEquals(norms[candidate.tokenId()], candidate.score(), 0f);
    }
  }

  /** Distinct raw norms per token id (37 is prime to 200), all near 5 as MiniLM's are, in no id order. */
  private static float[] norms() {
    float[] norms = new float[VOCAB];
    for (int t = 0; t < VOCAB; t++) {
      norms[t] = 5f + ((t * 37) % VOCAB) * 0.001f;
    }
    return norms;
  }

  private static final TokenVectors VECTORS = new TokenVectors(VOCAB, DIMS, random(VOCAB * DIMS));

  private static ScoringModel model(float[] norms) {
    ScoreOptions options = new ScoreOptions(0, 4, 42, 0.15, 0.9, BUDGET, Set.of(), null, dev.reel.config.TasteSource.AUTO, ScoringRule.SEED_L2,
        VectorSource.STATIC, dev.reel.config.Backend.CPU);
    return new ScoringModel(VECTORS, options, 64, norms, null);
  }

  private static QuestionDna question() {
    DnaGates gates = DnaGates.build(null, 4, 42, 0.15f, Weighted.NONE, VECTORS, null);
    return new QuestionDna(gates, DnaLookup.build(gates, Weighted.NONE, VECTORS), Weighted.NONE);
  }

  private static TokenChunk chunk(int n, long seed) {
    TokenChunk chunk = TokenChunk.allocate(7, n);
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      chunk.ids()[i] = random.nextInt(VOCAB);
      chunk.positions()[i] = 7L * n + i;
    }
    return chunk;
  }

  private static float[] random(int length) {
    Random random = new Random(1);
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
