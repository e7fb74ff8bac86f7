package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.ReelCommand;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;
import dev.reel.testing.SparkSessions;

/**
 * A folder of good and bad inputs runs through the command line: every bad file becomes a reject with its reason,
 * every good document is processed, the counts add up, and the job exits 0.
 */
class BadInputEndToEndTest {
  private static final String PROSE = "Call me Ishmael. Some years ago, never mind how long precisely, I thought I "
      + "would sail about a little and see the watery part of the world.";

  @TempDir
  Path dir;

  @Test
  void everyBadFileIsRejectedWithItsReasonAndEveryGoodDocumentIsProcessed() throws IOException {
    Path in = dir.resolve("in");
    int goodDocuments = writeGoodFiles(in);
    Map<String, String> expectedRejects = writeBadFiles(in);
    Path out = dir.resolve("out");

    int exit = ReelCommand.execute(JobRuns.args(in, out, "--max-entry-mb", "1", "--question", "Who sails?"));

    assertEquals(0, exit);
    JsonNode metrics = JobRuns.json(out.resolve("metrics.json"));
    List<JsonNode> rejects = readLines(out.resolve("rejects.json"));
    for (Map.Entry<String, String> expected : expectedRejects.entrySet()) {
      assertTrue(rejects.stream().anyMatch(r -> r.get("doc_id").asText().endsWith(expected.getKey())
              && r.get("reason").asText().contains(expected.getValue())),
          "no reject for " + expected.getKey() + " with reason '" + expected.getValue() + "' in " + rejects);
    }
    assertEquals(expectedRejects.size(), rejects.size(), "unexpected rejects: " + rejects);
    assertEquals(goodDocuments, metrics.get("documents_processed").asInt());
    assertEquals(goodDocuments, metrics.get("documents_tokenized").asInt(), "every document tokenized once");
    assertEquals(rejects.size(), metrics.get("documents_rejected").asInt());
    assertEquals(metrics.get("documents_seen").asInt(),
        metrics.get("documents_processed").asInt() + metrics.get("documents_rejected").asInt());
    assertTrue(metrics.get("files_hidden_skipped").asInt() > 0, "Spark's _SUCCESS and .crc files are counted");
    assertTrue(Files.exists(out.resolve("answer.json")));
    assertTrue(Files.exists(out.resolve("_SUCCESS")), "a finished run says so, last");
    try (var files = Files.list(out)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  /** Writes one file per supported format; returns how many documents they hold. */
  private int writeGoodFiles(Path in) throws IOException {
    Corpora.write(in.resolve("good/prose.txt"), PROSE);
    Corpora.write(in.resolve("good/notes.md"), "# Notes\n\n" + PROSE);
    Corpora.write(in.resolve("good/page.html"),
        "<html><head><title>Page</title><script>var x = 1;</script></head><body><p>" + PROSE + "</p></body></html>");
    Corpora.write(in.resolve("good/one.eml"), mail("First", PROSE));
    Corpora.write(in.resolve("good/box.mbox"), "From a@example.org Mon Jan 1 00:00:00 2024\n" + mail("A", PROSE)
        + "\nFrom b@example.org Mon Jan 1 00:00:00 2024\n" + mail("B", PROSE));
    // CRLF line ends, a body paragraph opening "From " with a year, an mboxrd-quoted line: still two messages.
    Corpora.write(in.resolve("good/crlf.mbox"), ("From a@example.org Mon Jan 1 00:00:00 2024\n" + mail("C", PROSE
        + "\n\nFrom 2019 to 2024 the crew grew.\n>From the log.") + "\nFrom b@example.org Tue Jan 2 00:00:00 2024\n"
        + mail("D", PROSE)).replace("\n", "\r\n"));
    Corpora.write(in.resolve("good/records.jsonl"), "{\"text\": \"" + PROSE + "\"}\n\n{\"text\": \"Second.\"}\n");
    SparkSessions.shared().createDataset(List.of(PROSE, "Another row."), Encoders.STRING()).toDF("text")
        .coalesce(1).write().parquet(in.resolve("good/table.parquet").toString());
    zip(in.resolve("good/pack.zip"), Map.of("a.txt", PROSE.getBytes(StandardCharsets.UTF_8),
        "dir/b.html", ("<p>" + PROSE + "</p>").getBytes(StandardCharsets.UTF_8)));
    try (OutputStream file = Files.newOutputStream(in.resolve("good/pack.tar.gz"));
         TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      byte[] bytes = PROSE.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry("inner/c.txt");
      entry.setSize(bytes.length);
      tar.putArchiveEntry(entry);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }
    return 1 + 1 + 1 + 1 + 2 + 2 + 2 + 2 + 2 + 1 + 1; // + the good entry of slip.zip below
  }

  /** Writes the bad cases; returns doc id suffix -> expected part of the reason. */
  private Map<String, String> writeBadFiles(Path in) throws IOException {
    Files.createDirectories(in.resolve("bad"));
    byte[] binary = new byte[4096];
    new Random(7).nextBytes(binary);
    binary[10] = 0;
    Files.write(in.resolve("bad/blob.bin"), binary);
    Files.write(in.resolve("bad/latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', 'o', 'k'});
    Files.write(in.resolve("bad/empty.txt"), new byte[0]);
    Corpora.write(in.resolve("bad/blank.md"), "   \n\n  ");
    Files.write(in.resolve("bad/corrupt.zip"), "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.US_ASCII));
    zip(in.resolve("bad/slip.zip"), Map.of("../../escape.txt", PROSE.getBytes(StandardCharsets.UTF_8),
        "fine.txt", PROSE.getBytes(StandardCharsets.UTF_8)));
    zip(in.resolve("bad/bomb.zip"), Map.of("zeros.txt", new byte[3 << 20]));
    zip(in.resolve("bad/nested.zip"), Map.of("inner.zip", zipBytes(Map.of("x.txt", new byte[] {'x'}))));
    Corpora.write(in.resolve("bad/lines.jsonl"), "{\"text\": \"fine\"\n{\"body\": \"no text field\"}\n");
    SparkSessions.shared().createDataset(List.of("x"), Encoders.STRING()).toDF("body")
        .coalesce(1).write().parquet(in.resolve("bad/wrong-column.parquet").toString());
    return Map.ofEntries(
        Map.entry("blob.bin", "binary content"),
        Map.entry("latin1.txt", "invalid UTF-8"),
        Map.entry("empty.txt", "empty text"),
        Map.entry("blank.md", "empty text"),
        Map.entry("corrupt.zip", "archive"),
        Map.entry("slip.zip!../../escape.txt", "escapes the archive root"),
        Map.entry("bomb.zip!zeros.txt", "--max-entry-mb"),
        Map.entry("nested.zip!inner.zip", "inside an archive"),
        Map.entry("lines.jsonl#1", "invalid JSON"),
        Map.entry("lines.jsonl#2", "no text field"),
        Map.entry(".snappy.parquet", "no column 'text'"));
  }

  private static String mail(String subject, String body) {
    return "From: someone@example.org\nTo: you@example.org\nSubject: " + subject
        + "\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n";
  }

  private static void zip(Path file, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, zipBytes(entries));
  }

  private static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static List<JsonNode> readLines(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      rows.add(json.readTree(line));
    }
    return rows;
  }
}
