package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/** A phrase answer: the needle planted in Moby Dick is answered with its whole clause, not a fragment. */
class NeedleEndToEndTest {
  @TempDir
  Path dir;

  @Test
  void needleIsAnsweredWithItsClause() {
    String needle = "The best thing to do in San Francisco is eat a sandwich and sit in Dolores Park on a sunny day.";
    Corpora.write(dir.resolve("in/moby-dick.txt"), Corpora.plant(Corpora.mobyDick(), needle, 0.4));
    Path out = dir.resolve("out");
    JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", "What is the best thing to do in San Francisco?"));
    JsonNode answer = JobRuns.json(out.resolve("answer.json"));
    assertEquals("eat a sandwich and sit in Dolores Park on a sunny day.", answer.get("answer").asText());
  }
}
