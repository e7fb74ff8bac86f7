package dev.reel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.testing.Corpora;

/** The scale bench's input: about the bytes asked, real files in order, one passkey at the middle. */
class ScaleInputTest {
  @TempDir
  Path dir;

  @Test
  void writesAboutTheSizeAskedWithOnePasskeyMidway() throws IOException {
    ScaleInput input = new ScaleInput(List.of(Corpora.MOBY_DICK), 4.0);
    input.write(dir, 50_000, "54321");
    String all;
    try (Stream<Path> files = Files.list(dir)) {
      StringBuilder text = new StringBuilder();
      for (Path file : files.sorted().toList()) {
        text.append(Files.readString(file, StandardCharsets.UTF_8));
      }
      all = text.toString();
    }
    String sentence = "The pass key is 54321. Remember it. 54321 is the pass key. ";
    long bytes = all.getBytes(StandardCharsets.UTF_8).length;
    assertEquals(200_000 + sentence.length(), bytes, 4, "50,000 tokens at 4 bytes each, plus the passkey (a cut "
        + "character may become one replacement character)");
    int at = all.indexOf(sentence);
    assertTrue(at > 0 && all.indexOf(sentence, at + 1) < 0, "planted once");
    assertTrue(Math.abs(at - 100_000) < 20_000, "near the middle: " + at);
  }

  @Test
  void tokenCountsReadAsRulerWritesThem() {
    assertEquals(4096, TokenCount.parse("4K"));
    assertEquals(1_048_576, TokenCount.parse("1m"));
    assertEquals(10_485_760, TokenCount.parse("10M"));
    assertEquals(1500, TokenCount.parse("1500"));
    assertThrows(IllegalArgumentException.class, () -> TokenCount.parse("lots"));
  }
}
