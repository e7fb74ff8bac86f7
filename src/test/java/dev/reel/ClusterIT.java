package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.score.cuda.CudaBackend;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/**
 * A real standalone cluster: a master and two workers as separate JVMs (deploy/cluster up, Spark from Maven
 * Central), each worker with a home and working directory of its own (its executors' user.home is their own working
 * directory), the job submitted through SparkSubmit in
 * client mode with the application jar (so this runs after {@code package}, as an integration test). Over all of
 * data-samples/, its reel and answer are local mode's, and both workers' executors ran its tasks; with one executor killed (SIGKILL) as the score
 * stage starts, the job still succeeds with the same reel, and metrics.json counts the executor lost. Each worker
 * offers one GPU named by a fake discovery script, so Spark's GPU scheduling runs on these CPU-only workers too.
 */
class ClusterIT {
  /** The README's first command's question, over all of data-samples/. */
  private static final String SAMPLES_QUESTION = "What did the president propose for health insurance?";
  private static final String QUESTION = "What does the break statement do?";

  /** What a job asking a GPU per executor and per task adds to spark-submit. */
  private static final String GPU_PER_TASK =
      "--conf spark.executor.resource.gpu.amount=1 --conf spark.task.resource.gpu.amount=1";
  /** Logged by an executor whose task holds a GPU that CUDA cannot use. */
  private static final String GPU_FALLBACK = "auto: the task holds GPU 0, cpu used: ";

  @TempDir
  static Path dir;

  /** Local mode's outputs by input and question, for the tests that compare with them. */
  private static final Map<List<Object>, Path> LOCAL_RUNS = new HashMap<>();

  @BeforeAll
  static void up() throws Exception {
    Path discovery = dir.resolve("fake-gpu-discovery.sh");
    Files.writeString(discovery, "#!/bin/sh\necho '{\"name\": \"gpu\", \"addresses\": [\"0\"]}'\n");
    assertTrue(discovery.toFile().setExecutable(true));
    int exit = run(dir.resolve("up.log"), "deploy/cluster", "up", "--dir", cluster().toString(),
        "--gpu-discovery", discovery.toString());
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
    Path local = localRun(Corpora.SAMPLES, SAMPLES_QUESTION);
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
    Path local = localRun(Corpora.SAMPLES.resolve("html"), QUESTION);
    assertEquals(JobRuns.reelRows(local), JobRuns.reelRows(out), "the reel of a run that lost an executor");
  }

  /**
   * Spark's GPU scheduling with no usable GPU: the job asks a GPU per executor and per task of workers whose
   * discovery script names one that CUDA cannot open here. Every scoring task sees its address, runs on the CPU, and
   * says so once in its executor's log and in metrics.json; the reel is local mode's.
   */
  @Test
  void tasksHoldingAGpuCudaCannotUseFallBackToTheCpuAndSaySo() throws Exception {
    assumeTrue(new CudaBackend().unavailableReason().isPresent(), "CUDA runs here: the tasks would not fall back");
    Path out = dir.resolve("gpu-out");
    Path log = dir.resolve("gpu.log");
    Process submit = start(log, Map.of("REEL_SUBMIT_OPTS", GPU_PER_TASK), "deploy/cluster", "submit", "--dir",
        cluster().toString(), "--", "--input", Corpora.SAMPLES.resolve("html").toString(), "--output", out.toString(),
        "--question", QUESTION);
    assertTrue(submit.waitFor(10, TimeUnit.MINUTES), tail(log));
    assertEquals(0, submit.exitValue(), tail(log));
    JsonNode metrics = JobRuns.json(out.resolve("metrics.json"));
    assertEquals("cpu", metrics.get("backend_score").asText(), metrics.toString());
    assertTrue(metrics.get("backend_score_fallback").asText().startsWith(GPU_FALLBACK), metrics.toString());
    JsonNode gpus = metrics.get("score_task_gpus");
    assertTrue(gpus != null && gpus.size() >= 1, metrics.toString());
    gpus.forEach(addresses -> assertEquals("[\"0\"]", addresses.toString(), "the address the script named"));
    int saidSo = 0;
    for (Path stderr : executorLogs()) {
      long lines = Files.readAllLines(stderr).stream().filter(line -> line.contains(GPU_FALLBACK)).count();
      assertTrue(lines <= 1, "said once per executor, not per task: " + stderr);
      saidSo += (int) lines;
    }
    assertEquals(gpus.size(), saidSo, "each executor that scored says why it fell back");
    Path local = localRun(Corpora.SAMPLES.resolve("html"), QUESTION);
    assertEquals(JobRuns.reelRows(local), JobRuns.reelRows(out), "the CPU's reel");
  }

  /** The job in local mode over {@code input}, run once for all the tests that compare with it. */
  private static synchronized Path localRun(Path input, String question) {
    return LOCAL_RUNS.computeIfAbsent(List.of(input, question), key -> {
      Path local = dir.resolve("local-" + LOCAL_RUNS.size());
      JobRuns.run(JobRuns.args(input, local, "--question", question));
      return local;
    });
  }

  /** Every executor's stderr, over both workers and all applications. */
  private static List<Path> executorLogs() throws IOException {
    try (Stream<Path> files = Files.walk(cluster())) {
      return files.filter(p -> p.getFileName().toString().equals("stderr")).toList();
    }
  }

  /** The job on the cluster over {@code input}, started: its output to {@code log}. */
  private static Process submit(Path input, String question, Path out, Path log) throws IOException {
    return start(log, Map.of(), "deploy/cluster", "submit", "--dir", cluster().toString(), "--", "--input", input.toString(),
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

  /** Starts a command from the project root with {@code env} added to its environment, its output to {@code log}. */
  private static Process start(Path log, Map<String, String> env, String... command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Runs a command from the project root, output to {@code log}; its exit code (fails after 10 minutes). */
  private static int run(Path log, String... command) throws Exception {
    Process process = start(log, Map.of(), command);
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
