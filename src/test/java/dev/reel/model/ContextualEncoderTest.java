package dev.reel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.reel.config.ModelOptions;
import dev.reel.testing.Corpora;
import dev.reel.testing.ModelCache;
import dev.reel.tokenize.DocumentTokenizer;

/** Windows of the contextual encoder on the real MiniLM: never past its 512 positions, balanced when split. */
class ContextualEncoderTest {
  private static final int DIMS = 384;
  private Vocabulary vocabulary;
  private ContextualEncoder encoder;

  @BeforeEach
  void open() {
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, ModelCache.dir()));
    vocabulary = Vocabulary.parse(files.tokenizerJson());
    encoder = ContextualEncoder.open(files.onnxModel(), vocabulary.clsId(), vocabulary.sepId(), DIMS);
  }

  @AfterEach
  void close() {
    encoder.close();
  }

  @Test
  void aWindowLongerThanTheModelsPositionsFailsClearly() {
    int[] ids = new int[ContextualEncoder.MAX_WINDOW + 1];
    Arrays.fill(ids, vocabulary.sepId());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> encoder.encodeWindow(ids, 0, ids.length, new float[ids.length * DIMS]));
    assertEquals("score: a contextual window of 511 tokens plus [CLS] and [SEP] exceeds the model's 512 positions; "
        + "expected at most 510 tokens", e.getMessage());
  }

  @Test
  void aLongRunGoesInBalancedWindowsOfAtMost510() {
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, ModelCache.dir()));
    int[] ids = Arrays.copyOf(DocumentTokenizer.of(files.tokenizerJson())
        .tokenize(Corpora.read(Corpora.mobyDickChapters().get(1)))[0], 1100);
    float[] whole = new float[ids.length * DIMS];
    encoder.encode(ids, 0, ids.length, whole);
    float[] third = new float[ids.length * DIMS];
    encoder.encodeWindow(ids, 367, 367, third); // 1,100 tokens go as 367 + 367 + 366, not 510 + 510 + 80
    assertArrayEquals(Arrays.copyOfRange(third, 367 * DIMS, 734 * DIMS),
        Arrays.copyOfRange(whole, 367 * DIMS, 734 * DIMS), 0f);
  }
}
