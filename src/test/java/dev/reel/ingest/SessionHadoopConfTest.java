package dev.reel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.ReelCommand;
import dev.reel.testing.SparkSessions;

/**
 * Executors open inputs with the session's Hadoop configuration: a file system set only through the session (as
 * {@code spark.hadoop.*} settings arrive) is the one the ingest tasks read with.
 */
class SessionHadoopConfTest {
  /** The local file system, counting the files it opens. */
  public static final class CountingFileSystem extends LocalFileSystem {
    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    public FSDataInputStream open(org.apache.hadoop.fs.Path file, int bufferSize) throws IOException {
      OPENED.incrementAndGet();
      return super.open(file, bufferSize);
    }
  }

  @TempDir
  Path dir;

  @Test
  void ingestTasksReadThroughTheSessionsFileSystemSettings() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "The pass key is 12345.");
    Files.writeString(dir.resolve("b.txt"), "Call me Ishmael.");
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(SparkSessions.shared().sparkContext());
    Configuration session = spark.hadoopConfiguration();
    session.set("fs.file.impl", CountingFileSystem.class.getName());
    // Not the cached default instance: a configuration without these settings would never reach the counter.
    session.setBoolean("fs.file.impl.disable.cache", true);
    try {
      IngestStage ingest = new IngestStage(ReelCommand.parseConfig("--input", dir.toString(), "--output", "x")
          .ingest());
      CountingFileSystem.OPENED.set(0);
      List<IngestRecord> records = ingest.run(spark, ingest.listFiles(session), 2).collect();
      assertEquals(2, records.stream().filter(r -> !r.isReject()).count(), records.toString());
      assertTrue(CountingFileSystem.OPENED.get() >= 2, "opened " + CountingFileSystem.OPENED.get());
    } finally {
      session.unset("fs.file.impl");
      session.unset("fs.file.impl.disable.cache");
    }
  }
}
