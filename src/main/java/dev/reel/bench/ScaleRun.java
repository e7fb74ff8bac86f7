package dev.reel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the real job in its own JVM (so its peaks are its own), as jobs/reel runs it: conf/jvm.options, the
 * heap given, this JVM's class path. Wall time covers the whole process, JVM start and model load included.
 */
final class ScaleRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What one run measured.
   *
   * @param wallSeconds the process, start to exit
   * @param metrics     the job's metrics.json
   * @param answer      the job's answer
   */
  record Result(double wallSeconds, JsonNode metrics, String answer) {
    double stage(String name) {
      return metrics.path("stages").path(name).path("seconds").asDouble();
    }

    long stageMemory(String stage, String name) {
      return metrics.path("stages").path(stage).path("memory").path(name).asLong();
    }

    long memory(String name) {
      return metrics.path("memory").path(name).asLong();
    }
  }

  private ScaleRun() {}

  static Result run(Path input, Path output, String heap, double alpha, Path log) throws IOException,
      InterruptedException {
    double wall = wallSeconds(List.of("--input", input.toString(), "--output", output.toString(), "--question",
        ScaleInput.QUESTION, "--alpha", Double.toString(alpha)), heap, log);
    return new Result(wall, JSON.readTree(output.resolve("metrics.json").toFile()),
        JSON.readTree(output.resolve("answer.json").toFile()).path("answer").asText());
  }

  /** Runs jobs/reel with {@code args} in its own JVM; returns the process's wall seconds. */
  static double wallSeconds(List<String> args, String heap, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "@conf/jvm.options", "-Dlog4j.configurationFile=conf/log4j2.properties",
        "-cp", System.getProperty("java.class.path"), "dev.reel.cli.ReelCommand"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IOException("bench: the job failed with exit code " + exit + "; its log: " + log);
    }
    return wall;
  }
}
