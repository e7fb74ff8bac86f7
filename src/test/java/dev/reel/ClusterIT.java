package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/**
 * A real standalone cluster: a master and two workers as separate JVMs (deploy/cluster up, Spark from Maven
 * Central), each worker with a home and working directory of its own, the job submitted through SparkSubmit in
 * client mode with the application jar (so this runs after {@code package}, as an integration test). Its reel and
 * answer are local mode's, and both workers' executors ran its tasks.
 */
class ClusterIT {
  private static final String QUESTION = "What does the break statement do?";

  @TempDir
  static Path dir;

  @BeforeAll
  static void up() throws Exception {
    int exit = run(dir.resolve("up.log"), "deploy/cluster", "up", "--dir", cluster().toString());
    assertEquals(0, exit, tail(dir.resolve("up.log")));
  }

  @AfterAll
  static void down() throws Exception {
    run(dir.resolve("down.log"), "deploy/cluster", "down", "--dir", cluster().toString());
  }

  @Test
  void theJobOnTheClusterKeepsLocalModesReel() throws Exception {
    Path out = dir.resolve("cluster-out");
    Path log = dir.resolve("submit.log");
    int exit = run(log, "deploy/cluster", "submit", "--dir", cluster().toString(), "--", "--input",
        Corpora.SAMPLES.resolve("html").toString(), "--output", out.toString(), "--question", QUESTION);
    assertEquals(0, exit, tail(log));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));

    Path local = dir.resolve("local-out");
    JobRuns.run(JobRuns.args(Corpora.SAMPLES.resolve("html"), local, "--question", QUESTION));
    assertEquals(JobRuns.reelRows(local), JobRuns.reelRows(out), "reel.parquet row for row, every column");
    assertEquals(JobRuns.json(local.resolve("answer.json")).get("answer"),
        JobRuns.json(out.resolve("answer.json")).get("answer"));
    for (int w = 1; w <= 2; w++) {
      assertTrue(ranTasks(cluster().resolve("worker-" + w + "/work")), "worker " + w + " ran no task");
    }
  }

  private static Path cluster() {
    return dir.resolve("cluster");
  }

  /** Whether an executor under this worker's own working directory logged a task. */
  private static boolean ranTasks(Path work) throws IOException {
    try (Stream<Path> files = Files.walk(work)) {
      for (Path stderr : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
        if (Files.readString(stderr).contains("Running task")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs a command from the project root, output to {@code log}; its exit code (fails after 10 minutes). */
  private static int run(Path log, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " ran over 10 minutes: " + tail(log));
    }
    return process.exitValue();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
