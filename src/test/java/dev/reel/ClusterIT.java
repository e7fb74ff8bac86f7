package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Central), each worker with a home and working directory of its own (its executors' user.home is their own working
 * directory), the job submitted through SparkSubmit in
 * client mode with the application jar (so this runs after {@code package}, as an integration test). Over all of
 * data-samples/, its reel and answer are local mode's, and both workers' executors ran its tasks; with one executor killed (SIGKILL) as the score
 * stage starts, the job still succeeds with the same reel, and metrics.json counts the executor lost.
 */
class ClusterIT {
  /** The README's first command's question, over all of data-samples/. */
  private static final String SAMPLES_QUESTION = "What did the president propose for health insurance?";
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
    Process submit = submit(Corpora.SAMPLES, SAMPLES_QUESTION, out, log);
    assertTrue(submit.waitFor(10, TimeUnit.MINUTES), tail(log));
    assertEquals(0, submit.exitValue(), tail(log));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    Path local = dir.resolve("samples-local");
    JobRuns.run(JobRuns.args(Corpora.SAMPLES, local, "--question", SAMPLES_QUESTION));
    assertEquals(JobRuns.reelRows(local), JobRuns.reelRows(out), "reel.parquet row for row, every column");
    assertEquals(JobRuns.json(local.resolve("answer.json")).get("answer"),
        JobRuns.json(out.resolve("answer.json")).get("answer"));
    for (int w = 1; w <= 2; w++) {
      assertTrue(ranTasks(cluster().resolve("worker-" + w + "/work")), "worker " + w + " ran no task");
    }
    try (Stream<Path> files = Files.walk(cluster().resolve("worker-1/work"))) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().equals(".djl.ai")),
          "the executor unpacked its native engine into its own working directory, not the driver's home");
    }
  }

  @Test
  void anExecutorKilledWhileScoringIsSurvivedWithTheSameReel() throws Exception {
    Path out = dir.resolve("killed-out");
    Path log = dir.resolve("killed.log");
    Process submit = submit(Corpora.SAMPLES.resolve("html"), QUESTION, out, log);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.exists(log) || !Files.readString(log).contains("score: started")) {
      assertTrue(submit.isAlive() && System.nanoTime() < deadline, "the score stage never started: " + tail(log));
      Thread.sleep(50);
    }
    ProcessHandle executor = executorOf(cluster().resolve("worker-1/work"));
    executor.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the driver
    assertTrue(submit.waitFor(10, TimeUnit.MINUTES), tail(log));
    assertEquals(0, submit.exitValue(), tail(log));
    JsonNode metrics = JobRuns.json(out.resolve("metrics.json"));
    assertTrue(metrics.get("executors_lost").asInt() >= 1, metrics.toString());
    Path local = dir.resolve("html-local");
    JobRuns.run(JobRuns.args(Corpora.SAMPLES.resolve("html"), local, "--question", QUESTION));
    assertEquals(JobRuns.reelRows(local), JobRuns.reelRows(out), "the reel of a run that lost an executor");
  }

  /** The job on the cluster over {@code input}, started: its output to {@code log}. */
  private static Process submit(Path input, String question, Path out, Path log) throws IOException {
    return start(log, "deploy/cluster", "submit", "--dir", cluster().toString(), "--", "--input", input.toString(),
        "--output", out.toString(), "--question", question);
  }

  /** The live executor JVM a worker launched, found by its working directory under the worker's {@code work}. */
  private static ProcessHandle executorOf(Path work) throws IOException {
    for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
      String command = process.info().commandLine().orElse("");
      Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
      if (command.contains("CoarseGrainedExecutorBackend") && Files.exists(cwd)
          && Files.readSymbolicLink(cwd).startsWith(work.toAbsolutePath())) {
        return process;
      }
    }
    throw new IllegalStateException("no executor running under " + work);
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

  /** Starts a command from the project root, its output to {@code log}. */
  private static Process start(Path log, String... command) throws IOException {
    return new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Runs a command from the project root, output to {@code log}; its exit code (fails after 10 minutes). */
  private static int run(Path log, String... command) throws Exception {
    Process process = start(log, command);
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
