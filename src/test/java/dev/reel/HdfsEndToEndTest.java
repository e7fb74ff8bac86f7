package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;
import dev.reel.testing.SparkSessions;

/**
 * A real HDFS (MiniDFSCluster, one name node and one data node in this JVM): the job reads its input from
 * {@code hdfs://} and writes every output there, whole and with {@code _SUCCESS} last, and its reel is the reel of
 * the same files read from the local disk.
 */
class HdfsEndToEndTest {
  private static final String QUESTION = "What does the break statement do?";

  @TempDir
  static Path dir;
  private static MiniDFSCluster cluster;
  private static FileSystem hdfs;

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs-data").toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = cluster.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Corpora.SAMPLES.resolve("html").toUri()),
        new org.apache.hadoop.fs.Path("/in"));
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  void inputFromAndEveryOutputToHdfsWithTheLocalReel() throws IOException {
    String root = hdfs.getUri().toString();
    Path cwd = Path.of("").toAbsolutePath();
    JobRuns.run("--input", root + "/in", "--output", root + "/out", "--question", QUESTION);
    for (String name : List.of("reel.parquet/_SUCCESS", "reel.md", "reel.png", "answer.json", "metrics.json",
        "rejects.json", "_SUCCESS")) {
      assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/out/" + name)), name + " on HDFS");
    }
    assertFalse(Files.exists(cwd.resolve("hdfs:")), "no local folder named after the URI");
    JsonNode metrics = read("/out/metrics.json");
    assertEquals(metrics.get("documents_seen").asInt(),
        metrics.get("documents_processed").asInt() + metrics.get("documents_rejected").asInt());
    assertTrue(metrics.get("documents_processed").asInt() > 10, metrics.toString());

    Path local = dir.resolve("local-out");
    JobRuns.run(JobRuns.args(Corpora.SAMPLES.resolve("html"), local, "--question", QUESTION));
    assertEquals(reel(local.resolve("reel.parquet").toString()), reel(root + "/out/reel.parquet"),
        "the same tokens kept at the same positions with the same scores");
    assertEquals(JobRuns.json(local.resolve("answer.json")).get("answer"), read("/out/answer.json").get("answer"));
  }

  private static JsonNode read(String file) throws IOException {
    try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path(file))) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** Position, token and score of every kept token (the source column names the file system, so it differs). */
  private static List<String> reel(String parquet) {
    List<String> rows = new ArrayList<>();
    for (Row row : SparkSessions.shared().read().parquet(parquet).select("position", "token", "score")
        .orderBy("position").collectAsList()) {
      rows.add(row.toString());
    }
    return rows;
  }
}
