package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/**
 * The reel without a question over the State of the Union speeches: tastes learned from the corpus itself, the same
 * whatever the partitioning, and digest.json listing every passage strongest first, as reel.md opens with them.
 */
class DigestEndToEndTest {
  private static final Pattern RANKED = Pattern.compile("^\\d+\\. `(\\S+) @(\\d+)`", Pattern.MULTILINE);

  @TempDir
  static Path dir;

  @Test
  void theQuestionlessReelIsADigestOfTastesLearnedFromTheCorpus() throws Exception {
    Path input = Corpora.SAMPLES.resolve("speeches");
    Path one = dir.resolve("p1");
    Path three = dir.resolve("p3");
    JobRuns.run(JobRuns.args(input, one, "--partitions", "1"));
    JobRuns.run(JobRuns.args(input, three, "--partitions", "3"));
    assertEquals(JobRuns.reelRows(one), JobRuns.reelRows(three), "learned tastes do not depend on partitions");
    assertTrue(JobRuns.json(one.resolve("metrics.json")).get("tastes").asText().startsWith("learned from the corpus"));

    JsonNode passages = JobRuns.json(one.resolve("digest.json")).get("passages");
    assertTrue(passages.size() > 20, passages.size() + " passages");
    List<String> ranked = new ArrayList<>();
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode passage : passages) {
      assertTrue(passage.get("score").asDouble() <= previous, "strongest first");
      previous = passage.get("score").asDouble();
      assertTrue(passage.get("source").asText().endsWith("sotu-1990-2016.jsonl"));
      ranked.add(passage.get("doc_id").asText() + " @" + passage.get("position").asLong());
    }
    Matcher md = RANKED.matcher(Files.readString(one.resolve("reel.md")));
    List<String> strongest = new ArrayList<>();
    while (md.find()) {
      strongest.add(md.group(1) + " @" + md.group(2));
    }
    assertEquals(ranked.subList(0, strongest.size()), strongest, "reel.md opens with digest.json's first passages");
  }
}
