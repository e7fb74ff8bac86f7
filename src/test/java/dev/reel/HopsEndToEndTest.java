package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/**
 * A two-link variable chain planted about 110 K tokens apart in Moby Dick resolves to its value. And an object carried across the book: picked up at 30%, its holder moving on at 70%; the
 * second hop asks about the holder, and answer.json shows the chain of facts with their sources and positions.
 */
class HopsEndToEndTest {
  private static final String QUESTION = "What is the value of VAR KDJSE?";

  @TempDir
  static Path dir;

  @BeforeAll
  static void plantTheChain() {
    String text = Corpora.plant(Corpora.mobyDick(), "VAR QPRZT = 48213.", 0.25);
    Corpora.write(dir.resolve("in/moby-dick.txt"), Corpora.plant(text, "VAR KDJSE = VAR QPRZT.", 0.65));
    String carried = Corpora.plant(Corpora.mobyDick(), "Yann went to the cellar.", 0.1);
    carried = Corpora.plant(carried, "Yann picked up the compass.", 0.3);
    carried = Corpora.plant(carried, "Greta travelled to the garden.", 0.5);
    carried = Corpora.plant(carried, "Yann journeyed to the attic.", 0.7);
    Corpora.write(dir.resolve("carried/moby-dick.txt"), carried);
  }

  @Test
  void theChainResolvesToItsValueFromFactsFarApart() {
    Path out = dir.resolve("out-2");
    JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", QUESTION));
    JsonNode answer = JobRuns.json(out.resolve("answer.json"));
    assertEquals("48213", answer.get("answer").asText());
    assertEquals("value", answer.get("answer_kind").asText());
    assertTrue(answer.get("answer_passage").asText().contains("VAR QPRZT = 48213"));
    JsonNode chain = answer.get("chain");
    assertEquals(2, chain.size(), chain.toString());
    JsonNode value = chain.get(0);
    JsonNode link = chain.get(1);
    assertEquals("VAR QPRZT = 48213.", value.get("fact").asText(), "in corpus order: the value came first");
    assertEquals("VAR KDJSE = VAR QPRZT.", link.get("fact").asText());
    assertTrue(link.get("source").asText().endsWith("moby-dick.txt"));
    long tokens = JobRuns.json(out.resolve("metrics.json")).get("tokens").asLong();
    assertTrue(tokens >= 200_000);
    assertEquals(0.4, (link.get("position").asLong() - value.get("position").asLong()) / (double) tokens, 0.05,
        "the value was planted at 25% of the book, the link at 65%: each fact keeps its corpus position");
    // The buffer of a question about VAR KDJSE keeps every "VAR" line, so one hop may hold both; a second hop asks
    // about VAR QPRZT only when the first did not.
    assertTrue(answer.get("hops").size() == 1 || "VAR QPRZT".equals(answer.get("hops").get(0).get("next").asText()));
  }

  @Test
  void anObjectIsWhereItsHolderWentAfterPickingItUp() {
    Path out = dir.resolve("out-carried");
    JobRuns.run(JobRuns.args(dir.resolve("carried"), out, "--question", "Where is the compass?"));
    JsonNode answer = JobRuns.json(out.resolve("answer.json"));
    assertEquals("the attic", answer.get("answer").asText());
    assertTrue(answer.get("answer_passage").asText().contains("Yann journeyed to the attic."));
    assertEquals("Yann", answer.get("hops").get(0).get("next").asText(), "hop 1 found who holds the compass");
    JsonNode chain = answer.get("chain");
    assertEquals(2, chain.size(), chain.toString());
    JsonNode pickUp = chain.get(0);
    JsonNode move = chain.get(1);
    assertEquals("Yann picked up the compass.", pickUp.get("fact").asText());
    assertEquals("take", pickUp.get("kind").asText());
    assertEquals("Yann journeyed to the attic.", move.get("fact").asText());
    assertEquals(2, move.get("hop").asInt(), "the holder's move came from the hop that asked about him");
    assertTrue(move.get("source").asText().endsWith("moby-dick.txt"));
    long tokens = JobRuns.json(out.resolve("metrics.json")).get("tokens").asLong();
    assertEquals(0.4, (move.get("position").asLong() - pickUp.get("position").asLong()) / (double) tokens, 0.05,
        "each fact keeps the corpus position it was planted at");
  }
}
