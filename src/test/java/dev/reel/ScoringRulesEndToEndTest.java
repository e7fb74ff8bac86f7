package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.ReelCommand;
import dev.reel.model.ModelFiles;
import dev.reel.score.cuda.CudaBackend;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;
import dev.reel.testing.SparkSessions;

/** The whole job under --vectors contextual and under --rule seed-l2, on three chapters of Moby Dick. */
class ScoringRulesEndToEndTest {
  private static final String QUESTION = "What did Ishmael do when he felt grim about the mouth?";

  @TempDir
  static Path dir;

  @BeforeAll
  static void threeChapters() {
    for (Path chapter : Corpora.mobyDickChapters().subList(0, 3)) {
      Corpora.write(dir.resolve("in").resolve(chapter.getFileName()), Corpora.read(chapter));
    }
  }

  @Test
  void contextualVectorsRunTheJobAndAreRecorded() {
    Path out = dir.resolve("contextual");

    JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", QUESTION, "--vectors", "contextual"));

    JsonNode metrics = outputsOf(out);
    assertEquals("contextual", metrics.get("vectors").asText());
    assertEquals("dna", metrics.get("rule").asText());
    List<Row> kept = reel(out);
    assertTrue(kept.stream().anyMatch(row -> row.getFloat(1) > 0), "contextual attention received nothing");
    assertTrue(Files.isRegularFile(Path.of(SparkFiles.getRootDirectory(), "models",
        "all-minilm-l6-v2.onnx")), "the tasks took the model out of the jar into their executor's own directory");
  }

  /**
   * Where CUDA cannot run (no GPU, no driver): --backend cuda falls back to the CPU and says why in metrics.json, for
   * the executors' scoring and the driver's final pass; the reel is the CPU's, bit for bit. Auto runs on the CPU
   * without a complaint.
   */
  @Test
  void askedForCudaWithoutOneTheJobRunsOnTheCpuAndSaysSo() {
    Optional<String> why = new CudaBackend().unavailableReason();
    assumeTrue(why.isPresent(), "this machine runs CUDA: the fallback is not what runs");
    Path cuda = dir.resolve("cuda");
    Path auto = dir.resolve("auto");

    JobRuns.run(JobRuns.args(dir.resolve("in"), cuda, "--question", QUESTION, "--backend", "cuda"));
    JobRuns.run(JobRuns.args(dir.resolve("in"), auto, "--question", QUESTION));

    JsonNode asked = outputsOf(cuda);
    assertEquals("cpu", asked.get("backend_score").asText());
    assertEquals("cpu", asked.get("backend_reason").asText());
    assertEquals("cuda asked for, cpu used: " + why.get(), asked.get("backend_score_fallback").asText());
    assertEquals("cuda asked for, cpu used: " + why.get(), asked.get("backend_reason_fallback").asText());
    JsonNode chosen = outputsOf(auto);
    assertEquals("cpu", chosen.get("backend_score").asText());
    assertTrue(!chosen.has("backend_score_fallback") && !chosen.has("backend_reason_fallback"), chosen.toString());
    assertEquals(JobRuns.reelRows(auto), JobRuns.reelRows(cuda));
  }

  @Test
  void aModelFileTravelsToTheTasksWithTheJob() throws Exception {
    Path in = dir.resolve("in");
    Path given = dir.resolve("given-model").resolve("all-minilm-l6-v2.onnx");
    Files.createDirectories(given.getParent());
    Files.copy(new ModelFiles(ReelCommand.parseConfig(JobRuns.args(in, dir)).model()).onnxModel(), given);
    Path out = dir.resolve("contextual-given");

    JobRuns.run(JobRuns.args(in, out, "--question", QUESTION, "--vectors", "contextual", "--model", given.toString()));

    assertEquals("contextual", outputsOf(out).get("vectors").asText());
    assertTrue(Files.isRegularFile(Path.of(SparkFiles.getRootDirectory(), "all-minilm-l6-v2.onnx")),
        "the --model file was shipped to the tasks (SparkContext.addFile), not read at the driver's path");
  }

  @Test
  void seedL2RunsTheJobAndIsRecorded() {
    Path out = dir.resolve("seed-l2");

    JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", QUESTION, "--rule", "seed-l2"));

    JsonNode metrics = outputsOf(out);
    assertEquals("seed-l2", metrics.get("rule").asText());
    assertEquals("static", metrics.get("vectors").asText());
    for (Row row : reel(out)) {
      assertEquals(0f, row.getFloat(1), "seed-l2 runs no attention");
      assertTrue(row.getFloat(0) > 1, "a raw MiniLM norm is several units; found " + row.getFloat(0));
    }
  }

  /** Checks every output is there and returns metrics.json. */
  private static JsonNode outputsOf(Path out) {
    for (String file : new String[] {"reel.parquet", "reel.md", "reel.png", "answer.json", "metrics.json"}) {
      assertTrue(Files.exists(out.resolve(file)), file + " missing");
    }
    JsonNode metrics = JobRuns.json(out.resolve("metrics.json"));
    assertTrue(metrics.get("tokens").asLong() > 5_000, "too few tokens: " + metrics.get("tokens"));
    assertTrue(metrics.get("buffer_tokens").asLong() > 0, "nothing kept");
    assertTrue(!JobRuns.json(out.resolve("answer.json")).get("evidence").isEmpty(), "no evidence");
    return metrics;
  }

  /** Score and attention of every kept token. */
  private static List<Row> reel(Path out) {
    return SparkSessions.shared().read().parquet(out.resolve("reel.parquet").toString())
        .select("score", "attention").collectAsList();
  }
}
