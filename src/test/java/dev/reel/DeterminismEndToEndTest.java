package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;

/**
 * The reel does not depend on how Spark partitions the work, nor on whether chunks spilled to disk: 1, 2 and 7
 * partitions, and a chunk store too small to hold one chunk, give identical reel.parquet content.
 */
class DeterminismEndToEndTest {
  @TempDir
  static Path dir;
  static Path input;
  static List<String> baseline;

  @BeforeAll
  static void corpusOfSixtyChaptersAndSpeeches() throws IOException {
    input = dir.resolve("in");
    for (Path chapter : Corpora.mobyDickChapters().subList(0, 60)) {
      Corpora.write(input.resolve("moby/" + chapter.getFileName()), Corpora.read(chapter));
    }
    Files.copy(Corpora.SAMPLES.resolve("speeches/sotu-1990-2016.jsonl"), input.resolve("sotu.jsonl"));
    Path out = dir.resolve("out-p1");
    JobRuns.run(JobRuns.args(input, out, "--partitions", "1", "--question", "Who was the captain?"));
    baseline = JobRuns.reelRows(out);
    assertEquals(0, JobRuns.json(out.resolve("metrics.json")).get("spill_bytes").asLong());
  }

  @Test
  void twoAndSevenPartitionsGiveTheSameReel() {
    for (String partitions : List.of("2", "7")) {
      Path out = dir.resolve("out-p" + partitions);
      JobRuns.run(JobRuns.args(input, out, "--partitions", partitions, "--question", "Who was the captain?"));
      assertFalse(baseline.isEmpty());
      assertEquals(baseline, JobRuns.reelRows(out), partitions + " partitions changed the reel");
    }
  }

  @Test
  void reelParquetIsReadableBySparkSql() {
    Path out = dir.resolve("out-p1");
    org.apache.spark.sql.SparkSession spark = dev.reel.testing.SparkSessions.shared();
    spark.read().parquet(out.resolve("reel.parquet").toString()).createOrReplaceTempView("reel");
    long rows = spark.sql("SELECT doc_id, count(*) AS kept FROM reel GROUP BY doc_id")
        .agg(org.apache.spark.sql.functions.sum("kept")).first().getLong(0);
    assertEquals(JobRuns.json(out.resolve("metrics.json")).get("buffer_tokens").asLong(), rows);
    assertEquals(0L, spark.sql("SELECT count(*) FROM reel WHERE char_end <= char_start OR position < 0").first()
        .getLong(0));
  }

  @Test
  void spillingChunksToDiskGivesTheSameReel() {
    Path out = dir.resolve("out-spill");
    JobRuns.run(JobRuns.args(input, out, "--partitions", "2", "--chunk-store-mb", "0.01",
        "--question", "Who was the captain?"));
    assertTrue(JobRuns.json(out.resolve("metrics.json")).get("spill_bytes").asLong() > 0, "nothing spilled");
    assertEquals(baseline, JobRuns.reelRows(out));
  }
}
