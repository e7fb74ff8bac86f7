package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.ReelCommand;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;
import dev.reel.testing.SparkSessions;

/**
 * prepare --append: a corpus grown by new files equals a full prepare of all of them (same documents, same
 * positions) and answers the same; only the new files are read; a changed file is replaced and a deleted one
 * dropped, and the manifest says which.
 */
class AppendEndToEndTest {
  private static final Path HTML = Corpora.SAMPLES.resolve("html");
  private static final String QUESTION = "What does the break statement do?";

  @TempDir
  Path dir;

  @Test
  void aGrownCorpusEqualsAFullPrepareAndChangesAreReplacedOrDropped() throws IOException {
    Path input = dir.resolve("input");
    Files.createDirectories(input);
    for (String name : List.of("appendix.html", "appetite.html")) {
      Files.copy(HTML.resolve(name), input.resolve(name));
    }
    Path grown = dir.resolve("grown");
    assertEquals(0, prepare(input, grown));
    for (String name : List.of("classes.html", "controlflow.html")) { // named after the first two, as dated files are
      Files.copy(HTML.resolve(name), input.resolve(name));
    }
    assertEquals(0, prepare(input, grown, "--append"));
    Path full = dir.resolve("full");
    assertEquals(0, prepare(input, full));

    assertEquals(documents(full), documents(grown), "the same documents at the same positions");
    JsonNode appended = manifest(grown).get("appended");
    assertEquals(List.of("classes.html", "controlflow.html"), names(appended.get("added")));
    assertEquals(2, JobRuns.json(grown.resolve("metrics.json")).get("files_read").asInt(), "only the new files");
    assertEquals(manifest(full).get("counts"), manifest(grown).get("counts"));
    Path askedGrown = dir.resolve("asked-grown");
    Path askedFull = dir.resolve("asked-full");
    assertEquals(0, ask(grown, askedGrown));
    assertEquals(0, ask(full, askedFull));
    assertEquals(answer(askedFull), answer(askedGrown));

    Path changed = input.resolve("appetite.html");
    Files.writeString(changed, Files.readString(changed).replaceFirst("computers", "computers and zebras"));
    Files.setLastModifiedTime(input.resolve("appetite.html"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    Files.delete(input.resolve("appendix.html"));
    assertEquals(0, prepare(input, grown, "--append"));
    appended = manifest(grown).get("appended");
    assertEquals(List.of("appetite.html"), names(appended.get("changed")));
    assertEquals(List.of("appendix.html"), names(appended.get("deleted")));
    assertEquals(1, JobRuns.json(grown.resolve("metrics.json")).get("files_read").asInt());
    List<Row> rows = SparkSessions.shared().read().parquet(grown.resolve("documents.parquet").toString())
        .orderBy("doc_index").collectAsList();
    assertTrue(rows.stream().noneMatch(r -> r.getString(1).endsWith("appendix.html")), "the deleted file's gone");
    assertEquals(1, rows.stream().filter(r -> r.getString(1).endsWith("appetite.html")
        && r.getString(5).contains("zebras")).count(), "the changed file's new text, once");
    long next = 0;
    for (int d = 0; d < rows.size(); d++) {
      assertEquals(d, rows.get(d).getInt(0), "document indexes stay contiguous");
      assertEquals(next, rows.get(d).getLong(4), "positions stay contiguous");
      next += rows.get(d).getList(6).size();
    }
    JsonNode counts = manifest(grown).get("counts");
    assertEquals(next, counts.get("tokens").asLong());
    assertEquals(rows.size(), counts.get("documents_processed").asInt());
    assertEquals(counts.get("documents_seen").asLong(),
        counts.get("documents_processed").asLong() + counts.get("documents_rejected").asLong());
  }

  private static int prepare(Path input, Path corpus, String... more) {
    List<String> args = new ArrayList<>(List.of("prepare", "--input", input.toString(), "--corpus",
        corpus.toString()));
    args.addAll(List.of(more));
    return ReelCommand.execute(args.toArray(String[]::new));
  }

  private static int ask(Path corpus, Path output) {
    return ReelCommand.execute("ask", "--corpus", corpus.toString(), "--question", QUESTION, "--output",
        output.toString());
  }

  private static JsonNode manifest(Path corpus) {
    return JobRuns.json(corpus.resolve("manifest.json"));
  }

  private static String answer(Path asked) throws IOException {
    return Files.readAllLines(asked.resolve("answers.jsonl")).get(0).replaceAll("\"seconds\":[0-9.]+", "");
  }

  private static List<String> names(JsonNode paths) {
    List<String> names = new ArrayList<>();
    paths.forEach(p -> names.add(Path.of(p.asText().replaceFirst("^file:", "")).getFileName().toString()));
    return names;
  }

  /** Every stored document as index, source, position and token ids, in index order. */
  private static List<String> documents(Path corpus) {
    List<String> documents = new ArrayList<>();
    for (Row row : SparkSessions.shared().read().parquet(corpus.resolve("documents.parquet").toString())
        .select("doc_index", "source", "doc_id", "base_position", "ids").orderBy("doc_index").collectAsList()) {
      documents.add(row.toString());
    }
    return documents;
  }
}
