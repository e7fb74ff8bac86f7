package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.RuntimeSettings;
import dev.reel.score.InjectedFault;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;
import dev.reel.testing.SparkSessions;

/**
 * A score task whose first attempt fails (Spark allowed two attempts, local[2,2]) is run again: the job succeeds, its
 * reel is the reel of a run without the fault, and metrics.json counts the failed attempt.
 */
class RetryEndToEndTest {
  private static final String QUESTION = "What does the break statement do?";

  @TempDir
  Path dir;

  @Test
  void aFailedFirstAttemptIsRetriedToTheSameReel() {
    SparkSessions.shared().stop();
    SparkSession retrying = RuntimeSettings.builder("reel-retry-test").master("local[2,2]")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      Path clean = dir.resolve("clean");
      JobRuns.run(JobRuns.args(Corpora.SAMPLES.resolve("html"), clean, "--question", QUESTION));
      assertEquals(0, JobRuns.json(clean.resolve("metrics.json")).get("task_attempts_failed").asInt());
      Path faulted = dir.resolve("faulted");
      retrying.sparkContext().setLocalProperty(InjectedFault.PROPERTY, "score");
      try {
        JobRuns.run(JobRuns.args(Corpora.SAMPLES.resolve("html"), faulted, "--question", QUESTION));
      } finally {
        retrying.sparkContext().setLocalProperty(InjectedFault.PROPERTY, null);
      }
      assertTrue(JobRuns.json(faulted.resolve("metrics.json")).get("task_attempts_failed").asInt() >= 1,
          "the failed attempt is in metrics.json");
      assertEquals(JobRuns.reelRows(clean), JobRuns.reelRows(faulted));
      assertEquals(JobRuns.json(clean.resolve("answer.json")).get("answer"),
          JobRuns.json(faulted.resolve("answer.json")).get("answer"));
    } finally {
      retrying.stop();
    }
  }
}
