package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/**
 * A two-hop variable chain planted about 110 K tokens apart in Moby Dick: one hop finds the link, two hops find the
 * value.
 */
class HopsEndToEndTest {
  private static final String QUESTION = "What is the value of VAR KDJSE?";

  @TempDir
  static Path dir;

  @BeforeAll
  static void plantTheChain() {
    String text = Corpora.plant(Corpora.mobyDick(), "VAR QPRZT = 48213.", 0.25);
    Corpora.write(dir.resolve("in/moby-dick.txt"), Corpora.plant(text, "VAR KDJSE = VAR QPRZT.", 0.65));
  }

  @Test
  void oneHopFindsOnlyTheLink() {
    Path out = dir.resolve("out-1");
    JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", QUESTION, "--hops", "1"));
    JsonNode answer = JobRuns.json(out.resolve("answer.json"));
    assertEquals("QPRZT", answer.get("answer").asText());
    assertTrue(answer.get("answer_passage").asText().contains("VAR KDJSE = VAR QPRZT"));
    assertFalse(answer.get("answer_passage").asText().contains("48213"));
  }

  @Test
  void twoHopsResolveTheChain() {
    Path out = dir.resolve("out-2");
    JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", QUESTION, "--hops", "2"));
    JsonNode answer = JobRuns.json(out.resolve("answer.json"));
    assertEquals("48213", answer.get("answer").asText());
    assertTrue(answer.get("answer_passage").asText().contains("VAR QPRZT = 48213"));
    JsonNode link = answer.get("hops").get(0);
    JsonNode value = answer.get("hops").get(1);
    assertTrue(link.get("top_evidence").asText().contains("VAR KDJSE = VAR QPRZT"));
    assertTrue(value.get("top_evidence").asText().contains("VAR QPRZT = 48213"));
    assertTrue(link.get("top_evidence_source").asText().endsWith("moby-dick.txt"));
    assertTrue(value.get("top_evidence_position").asLong() < link.get("top_evidence_position").asLong(),
        "the value was planted at 25% of the book, the link at 65%: each hop's fact keeps its corpus position");
    assertTrue(JobRuns.json(out.resolve("metrics.json")).get("tokens").asLong() >= 200_000);
  }
}
