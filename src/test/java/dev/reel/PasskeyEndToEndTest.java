package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/**
 * A passkey sentence planted as text in all of Moby Dick (over 200 K tokens) must be the top evidence, with RoPE at
 * original or at compact positions in the final pass.
 */
class PasskeyEndToEndTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "depth {0}, {2} positions")
  @CsvSource({"0.1, 71432, original", "0.5, 28573, compact", "0.9, 90417, original"})
  void passkeyIsTheTopEvidenceAtEveryDepth(double depth, String key, String positions) throws Exception {
    String sentence = "The pass key is " + key + ". Remember it. " + key + " is the pass key.";
    Corpora.write(dir.resolve("in/moby-dick.txt"), Corpora.plant(Corpora.mobyDick(), sentence, depth));
    Path out = dir.resolve("out");

    JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", "What is the pass key?", "--positions", positions));

    JsonNode metrics = JobRuns.json(out.resolve("metrics.json"));
    assertTrue(metrics.get("tokens").asLong() >= 200_000, "haystack too small: " + metrics.get("tokens"));
    JsonNode answer = JobRuns.json(out.resolve("answer.json"));
    String top = answer.get("evidence").get(0).get("text").asText();
    assertTrue(top.contains(key), "top evidence lacks the key " + key + ": " + top);
    assertEquals(key, answer.get("answer").asText(), "the answer is the exact key");
    assertEquals(top, answer.get("answer_passage").asText());
    assertTrue(java.nio.file.Files.size(out.resolve("reel.png")) > 20_000, "reel.png missing or trivial");
  }

  /**
   * Dictionary entries beside the haystack, as in the 10 M-token scale run (GCIDE): a headword "Pass-key" with its
   * definition, and entries repeating "key". Each holds the question's words; none says what the pass key is.
   */
  private static final String DICTIONARY = """
      Pass-key \\Pass"-key`\\, n.
         A key that opens more locks than one; a master key.

      Key way \\Key" way`\\, n.
         A groove cut for a key, so that the key holds a wheel to a shaft; the key seat.

      Keynote \\Key"note`\\, n.
         The key in which a piece of music begins; hence, the key idea of a speech.

      Passe-partout \\Passe`-par`tout"\\, n.
         That which passes everywhere; a master key; a pass.
      """;

  @ParameterizedTest(name = "depth {0}")
  @CsvSource({"0.3, 40177", "0.7, 62815"})
  void passkeyOutranksDictionaryEntriesOfTheSameWords(double depth, String key) throws Exception {
    String sentence = "The pass key is " + key + ". Remember it. " + key + " is the pass key.";
    Corpora.write(dir.resolve("in/moby-dick.txt"), Corpora.plant(Corpora.mobyDick(), sentence, depth));
    Corpora.write(dir.resolve("in/dictionary.txt"), DICTIONARY.repeat(20));
    Path out = dir.resolve("out");

    JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", "What is the pass key?"));

    JsonNode answer = JobRuns.json(out.resolve("answer.json"));
    assertEquals(key, answer.get("answer").asText(), "top evidence: " + answer.get("evidence").get(0));
  }
}
