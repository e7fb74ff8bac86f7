package dev.reel.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import dev.reel.config.ModelOptions;
import dev.reel.model.ModelFiles;
import dev.reel.testing.Corpora;

class DocumentTokenizerTest {
  private static final byte[] TOKENIZER =
      new ModelFiles(new ModelOptions(null, null, System.getProperty("java.io.tmpdir"))).tokenizerJson();
  private final DocumentTokenizer tokenizer = new DocumentTokenizer(TokenizerPool.get(TOKENIZER));

  @Test
  void emptyTextHasNoTokens() {
    assertEquals(0, tokenizer.tokenize("")[0].length);
  }

  @Test
  void spansIndexJavaStringsEvenAfterCharactersOutsideTheBasicPlane() {
    String text = "Héllo 😀 world, the pass key is 71432. 𝄞 Naïve café";
    int[][] tokens = tokenizer.tokenize(text);
    List<String> pieces = new java.util.ArrayList<>();
    for (int i = 0; i < tokens[0].length; i++) {
      pieces.add(text.substring(tokens[1][i], tokens[2][i]));
    }
    assertTrue(pieces.containsAll(List.of("world", "pass", "key", "71", "43", "2", "Naïve", "café")), pieces.toString());
  }

  @Test
  void segmentingLongTextChangesNoToken() {
    // Long enough for more than one native batch of segments.
    String text = Corpora.read(Corpora.mobyDickChapters().get(0)).repeat(70);
    assertTrue(text.length() > DocumentTokenizer.BATCH_SEGMENTS * DocumentTokenizer.SEGMENT_CHARS, "" + text.length());
    int[][] segmented = tokenizer.tokenize(text);
    long[] whole = TokenizerPool.get(TOKENIZER).encode(text, false, false).getIds();
    assertArrayEquals(java.util.Arrays.stream(whole).mapToInt(v -> (int) v).toArray(), segmented[0]);
    for (int i = 1; i < segmented[0].length; i++) {
      assertTrue(segmented[1][i] >= segmented[2][i - 1], "spans overlap at token " + i);
    }
  }

  @Test
  void segmentsCoverTheTextExactly() {
    String text = "word ".repeat(10_000);
    List<int[]> segments = DocumentTokenizer.segments(text);
    assertEquals(0, segments.get(0)[0]);
    for (int i = 1; i < segments.size(); i++) {
      assertEquals(segments.get(i - 1)[1], segments.get(i)[0]);
    }
    assertEquals(text.length(), segments.get(segments.size() - 1)[1]);
  }
}
