package dev.reel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.ReelCommand;
import dev.reel.testing.SparkSessions;

/** A Parquet input is held to --max-file-mb like every other file: over it, one reject, nothing read. */
class ParquetCapTest {
  @TempDir
  Path dir;

  @Test
  void aParquetFileOverTheCapIsRejectedWithTheOptionNamed() throws IOException {
    SparkSessions.shared().createDataset(List.of("The pass key is 12345.", "Another row."), Encoders.STRING())
        .toDF("text").coalesce(1).write().parquet(dir.resolve("table").toString());
    String file;
    try (Stream<Path> files = Files.list(dir.resolve("table"))) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow().toString();
    }
    long size = Files.size(Path.of(file));
    String underSize = Double.toString((size / 2.0) / (1 << 20));
    List<IngestRecord> capped = new FileIngestor(ReelCommand.parseConfig("--input", file, "--output", "x",
        "--max-file-mb", underSize).ingest(), new Configuration()).ingest(file);
    assertEquals(1, capped.size(), capped.toString());
    assertTrue(capped.get(0).isReject());
    assertTrue(capped.get(0).reason().contains("--max-file-mb"), capped.get(0).reason());
    List<IngestRecord> read = new FileIngestor(ReelCommand.parseConfig("--input", file, "--output", "x").ingest(),
        new Configuration()).ingest(file);
    assertEquals(2, read.stream().filter(r -> !r.isReject()).count(), "under the default cap both rows are read");
  }
}
