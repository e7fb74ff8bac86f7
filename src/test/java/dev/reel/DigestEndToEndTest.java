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
import dev.reel.reason.DigestDiversity;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/**
 * The reel without a question over the State of the Union speeches: tastes learned from the corpus itself, and
 * digest.json listing every passage most specific first (beyond the head, whose repeats move back), the same whatever
 * the partitioning, as reel.md opens with them.
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
    assertEquals(passages, JobRuns.json(three.resolve("digest.json")).get("passages"),
        "the digest does not depend on partitions");
    long reelPassages = JobRuns.json(one.resolve("metrics.json")).get("passages").asLong();
    assertTrue(passages.size() >= reelPassages && passages.size() > 20, passages.size() + " passages");
    List<String> ranked = new ArrayList<>();
    double best = 0;
    for (JsonNode passage : passages) {
      best = Math.max(best, passage.get("score").asDouble());
      assertTrue(passage.get("source").asText().endsWith("sotu-1990-2016.jsonl"));
      ranked.add(passage.get("doc_id").asText() + " @" + passage.get("position").asLong());
    }
    assertEquals(best, passages.get(0).get("score").asDouble(), "the most specific passage opens the digest");
    for (int p = DigestDiversity.HEAD + 1; p < passages.size(); p++) {
      assertTrue(passages.get(p).get("score").asDouble() <= passages.get(p - 1).get("score").asDouble(),
          "beyond the head, most specific first");
    }
    Matcher md = RANKED.matcher(Files.readString(one.resolve("reel.md")));
    List<String> strongest = new ArrayList<>();
    while (md.find()) {
      strongest.add(md.group(1) + " @" + md.group(2));
    }
    assertEquals(ranked.subList(0, strongest.size()), strongest, "reel.md opens with digest.json's first passages");
  }
}
