package dev.reel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.ReelCommand;
import dev.reel.ingest.FileIngestor;
import dev.reel.ingest.IngestRecord;
import dev.reel.testing.JobRuns;

/**
 * What a user reads, on real documentation pages (the Python tutorial of data-samples/html and a Linux admin-guide
 * page): answers and passages start and end on word bounds, an answer is never only the question's words, and no
 * passage holds the sites' navigation.
 */
class ReadableAnswersEndToEndTest {
  private static final List<String> NAVIGATION = List.of("Table of Contents", "Previous topic", "Next topic",
      "This Page", "Show Source", "Navigation", "© Copyright", "View page source", "The Linux Kernel 6.1", "¶");
  private static final List<String> QUESTIONS = List.of("How do I create a virtual environment?",
      "What are the operating modes of the cache?", "Which file should I edit to change the cache policy?",
      "How many times is the default migration threshold checked?");

  @TempDir
  static Path dir;
  /** Each page's text as the job extracts it, by file name. */
  private static final Map<String, String> TEXTS = new HashMap<>();

  @BeforeAll
  static void input() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    try (var pages = Files.list(Path.of("data-samples/html"))) {
      for (Path page : pages.toList()) {
        Files.copy(page, in.resolve(page.getFileName()));
      }
    }
    Files.copy(Path.of("src/test/resources/html/kernel-admin-guide-device-mapper-cache.html"),
        in.resolve("dm-cache.html"));
    FileIngestor ingestor = new FileIngestor(ReelCommand.parseConfig("--input", in.toString(), "--output", "x")
        .ingest(), new Configuration());
    try (var pages = Files.list(in)) {
      for (Path page : pages.toList()) {
        for (IngestRecord record : ingestor.ingest(page.toString())) {
          TEXTS.put(page.getFileName().toString(), record.text());
        }
      }
    }
  }

  @Test
  void answersAndPassagesAreWholeWordsWithoutNavigation() {
    for (int q = 0; q < QUESTIONS.size(); q++) {
      String question = QUESTIONS.get(q);
      Path out = dir.resolve("out" + q);
      JobRuns.run(JobRuns.args(dir.resolve("in"), out, "--question", question));
      JsonNode answer = JobRuns.json(out.resolve("answer.json"));
      for (JsonNode passage : answer.get("evidence")) {
        String docId = passage.get("doc_id").asText();
        String text = TEXTS.get(docId.substring(docId.lastIndexOf('/') + 1));
        assertTrue(text != null, "no document " + passage.get("doc_id"));
        int start = passage.get("char_start").asInt();
        int end = passage.get("char_end").asInt();
        assertTrue(start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))
            || !Character.isLetterOrDigit(text.charAt(start)), question + ": passage starts inside a word: "
            + text.substring(Math.max(0, start - 10), Math.min(text.length(), start + 30)));
        assertTrue(end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
            || !Character.isLetterOrDigit(text.charAt(end - 1)), question + ": passage ends inside a word: "
            + text.substring(Math.max(0, end - 30), Math.min(text.length(), end + 10)));
        for (String navigation : NAVIGATION) {
          assertFalse(passage.get("text").asText().contains(navigation), question + ": navigation in a passage: "
              + navigation);
        }
      }
      if (!answer.get("answer").isNull()) {
        assertWholeWordsOfThePassage(question, answer.get("answer").asText(), answer.get("answer_passage").asText());
      }
    }
  }

  private static void assertWholeWordsOfThePassage(String question, String reply, String passage) {
    String flat = passage.replaceAll("\\s+", " ");
    String body = reply.endsWith(" ...") ? reply.substring(0, reply.length() - 4) : reply;
    int at = flat.indexOf(body);
    assertTrue(at >= 0 || reply.contains(", "), question + ": answer not in its passage: " + reply);
    if (at >= 0) {
      int end = at + body.length();
      assertTrue(at == 0 || !Character.isLetterOrDigit(flat.charAt(at - 1)), question + ": starts mid-word: " + reply);
      assertTrue(end == flat.length() || !Character.isLetterOrDigit(flat.charAt(end)),
          question + ": ends mid-word: " + reply);
    }
    String lower = question.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains(reply.toLowerCase(Locale.ROOT)), question + ": the answer is the question's words: "
        + reply);
  }
}
