package dev.reel.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.reel.chunk.TokenChunk;
import dev.reel.config.ModelOptions;
import dev.reel.model.ContextualSpec;
import dev.reel.model.ModelFiles;
import dev.reel.model.PrincipalProjection;
import dev.reel.model.StaticVectorTable;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.testing.Corpora;
import dev.reel.testing.ModelCache;
import dev.reel.tokenize.DocumentTokenizer;

/**
 * --vectors contextual on the real MiniLM: a word's rows depend on its sentence while its static rows do not, rows
 * are unit length in the attention space, and a lone token comes out as its static attention-table row.
 */
class ContextualRowsTest {
  private static final int DIMS = ScoringModel.ATTENTION_DIMS;
  static Vocabulary vocabulary;
  static DocumentTokenizer tokenizer;
  static TokenVectors attentionVectors;
  static ContextualSpec spec;

  @BeforeAll
  static void loadTheModel() throws Exception {
    ModelOptions options = new ModelOptions(null, null, ModelCache.dir());
    ModelFiles files = new ModelFiles(options);
    vocabulary = Vocabulary.parse(files.tokenizerJson());
    tokenizer = DocumentTokenizer.of(files.tokenizerJson());
    TokenVectors vectors = StaticVectorTable.load(files, vocabulary, Path.of(ModelCache.dir()));
    PrincipalProjection.Projected projected = PrincipalProjection.project(vectors, DIMS);
    attentionVectors = projected.vectors();
    spec = new ContextualSpec(options, vocabulary.clsId(), vocabulary.sepId(), projected.projection());
  }

  @Test
  void oneWordDiffersBetweenSentencesWhileItsStaticRowsAreIdentical() {
    int[] river = tokenizer.tokenize("We sat on the bank of the river and watched the water.")[0];
    int[] money = tokenizer.tokenize("She paid the cheque into her account at the bank.")[0];
    int bank = tokenizer.tokenize("bank")[0][0];
    float[] inRiver = row(rows(river), indexOf(river, bank));
    float[] inMoney = row(rows(money), indexOf(money, bank));
    double cosine = dot(inRiver, inMoney);
    assertTrue(cosine < 0.99, "contextual rows of 'bank' too alike: cosine " + cosine);
    float[] staticRiver = new float[DIMS];
    float[] staticMoney = new float[DIMS];
    attentionVectors.gather(new int[] {river[indexOf(river, bank)]}, 1, staticRiver);
    attentionVectors.gather(new int[] {money[indexOf(money, bank)]}, 1, staticMoney);
    assertArrayEquals(staticRiver, staticMoney, 0f);
  }

  @Test
  void rowsOfALongDocumentAreUnitLengthAcrossWindows() {
    int[] ids = Arrays.copyOf(tokenizer.tokenize(Corpora.read(Corpora.mobyDickChapters().get(0)))[0], 1100);
    float[] rows = rows(ids);
    for (int i = 0; i < ids.length; i++) {
      float[] row = row(rows, i);
      assertEquals(1.0, Math.sqrt(dot(row, row)), 1e-5, "row " + i);
    }
  }

  @Test
  void aLoneTokenComesOutAsItsStaticAttentionRow() {
    int whale = tokenizer.tokenize("whale")[0][0];
    float[] contextual = rows(new int[] {whale});
    float[] table = new float[DIMS];
    attentionVectors.gather(new int[] {whale}, 1, table);
    assertEquals(1.0, dot(contextual, table), 1e-4, "same input [CLS] whale [SEP], same mean and directions");
  }

  private static float[] rows(int[] ids) {
    TokenChunk chunk = TokenChunk.allocate(0, ids.length);
    System.arraycopy(ids, 0, chunk.ids(), 0, ids.length);
    float[] out = new float[ids.length * DIMS];
    try (ContextualRows rows = new ContextualRows(spec, ids.length)) {
      rows.fill(chunk, out);
    }
    return out;
  }

  private static float[] row(float[] rows, int i) {
    return Arrays.copyOfRange(rows, i * DIMS, (i + 1) * DIMS);
  }

  private static int indexOf(int[] ids, int id) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    throw new AssertionError("token " + id + " not in " + Arrays.toString(ids));
  }

  private static double dot(float[] a, float[] b) {
    double dot = 0;
    for (int k = 0; k < a.length; k++) {
      dot += a[k] * b[k];
    }
    return dot;
  }
}
