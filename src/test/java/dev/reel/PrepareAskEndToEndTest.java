package dev.reel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.reel.cli.ReelCommand;
import dev.reel.cli.ReelOptions;
import dev.reel.config.QuestionFile;
import dev.reel.testing.Corpora;
import dev.reel.testing.JobRuns;
import dev.reel.testing.SparkSessions;

/**
 * Prepare once, ask many: a corpus prepared from the Python tutorial's HTML answers a question exactly as the one-shot
 * job does (the same reel rows, the same answer), a batch answers each question as it is answered alone, and bad
 * lines or a foreign corpus are refused as the contract says.
 */
class PrepareAskEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path INPUT = Corpora.SAMPLES.resolve("html");
  private static final String BREAK = "What does the break statement do?";
  private static final String RANGE = "How do I iterate over a sequence of numbers?";

  @TempDir
  static Path dir;

  private static Path corpus;

  @BeforeAll
  static void prepare() {
    corpus = dir.resolve("corpus");
    assertEquals(0, ReelCommand.execute("prepare", "--input", INPUT.toString(), "--corpus", corpus.toString()));
  }

  @Test
  void theManifestAccountsForEveryInputFileAndDocument() throws IOException {
    JsonNode manifest = JobRuns.json(corpus.resolve("manifest.json"));
    JsonNode counts = manifest.get("counts");
    assertEquals(counts.get("documents_seen").asLong(),
        counts.get("documents_processed").asLong() + counts.get("documents_rejected").asLong());
    assertTrue(counts.get("tokens").asLong() > 10_000);
    try (var files = Files.list(INPUT)) {
      assertEquals(files.count(), manifest.get("files").size());
    }
    JsonNode first = manifest.get("files").get(0);
    assertTrue(first.get("size").asLong() > 0 && first.get("modified").asLong() > 0);
    assertEquals(64, manifest.get("tokenizer").get("sha256").asText().length());
    assertTrue(Files.exists(corpus.resolve("_SUCCESS")));
  }

  @Test
  void askingThePreparedCorpusEqualsTheOneShotJob() throws IOException {
    Path oneShot = dir.resolve("one-shot");
    JobRuns.run(JobRuns.args(INPUT, oneShot, "--question", BREAK));
    Path asked = dir.resolve("asked");
    assertEquals(0, ReelCommand.execute("ask", "--corpus", corpus.toString(), "--question", BREAK,
        "--output", asked.toString()));

    assertEquals(JobRuns.reelRows(oneShot), rowsOf(asked, "1"));
    JsonNode line = lines(asked.resolve("answers.jsonl")).get(0);
    JsonNode alone = JobRuns.json(oneShot.resolve("answer.json"));
    assertEquals(alone.get("answer"), line.get("answer"));
    assertEquals(alone.get("answer_passage"), line.get("answer_passage"));
    assertEquals(alone.get("evidence"), JobRuns.json(asked.resolve("questions/1/answer.json")).get("evidence"));
    assertEquals(0, JobRuns.json(asked.resolve("metrics.json")).get("documents_tokenized").asLong(),
        "ask reads the stored tokens; it tokenizes nothing");
  }

  /** Twenty questions over the tutorial: three groups of weight rows in one scoring pass. */
  private static final List<String> TWENTY = List.of(BREAK, "What does the pass statement do?",
      "How do I define a function?", "What is a list comprehension?", "How do I read a file?",
      "What is a virtual environment?", "How do I handle an exception?", "What is a module?",
      "How are floating point numbers represented?", RANGE, "What is a tuple?", "How do I write to a file?",
      "What does the continue statement do?", "What is a dictionary?", "How do I import a module?",
      "What are keyword arguments?", "How do I format a string?", "What is a class?",
      "What does the interpreter do?", "What is a set?");

  @Test
  void aBatchAnswersEachQuestionAsItIsAnsweredAloneAndListsTheLinesItRejected() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int q = 0; q < TWENTY.size(); q++) {
      lines.add("{\"id\": \"q" + q + "\", \"question\": \"" + TWENTY.get(q) + "\", \"hops\": 1}");
      if (q == 0) {
        lines.add("{\"id\": \"broken\", \"question\": ");
        lines.add("{\"id\": \"empty\", \"question\": \"  \"}");
      }
    }
    Path questions = dir.resolve("questions.jsonl");
    Files.write(questions, lines);
    Path batch = dir.resolve("batch");
    assertEquals(0, ReelCommand.execute("ask", "--corpus", corpus.toString(), "--questions", questions.toString(),
        "--questions-per-pass", "20", "--output", batch.toString()));

    List<JsonNode> answers = lines(batch.resolve("answers.jsonl"));
    assertEquals(TWENTY, answers.stream().map(a -> a.get("question").asText()).toList());
    // Each question alone: a scoring pass of its own, answered by itself.
    List<QuestionFile.Question> asked = new ArrayList<>();
    for (int q = 0; q < TWENTY.size(); q++) {
      asked.add(new QuestionFile.Question("q" + q, TWENTY.get(q), 1));
    }
    List<AnsweredQuestion> alone = new ArrayList<>();
    try (HighlightReel reel = HighlightReel.open(SparkSessions.shared(), ReelOptions.parse());
         ReelCorpus prepared = reel.corpus(corpus.toString())) {
      reel.askEach(prepared, asked, 1, alone::add);
      for (int q = 0; q < TWENTY.size(); q++) {
        JsonNode single = JSON.readTree(JSON.writeValueAsString(alone.get(q).fields())); // as answers.jsonl reads
        assertEquals(single.get("answer"), answers.get(q).get("answer"), "q" + q);
        assertEquals(single.get("evidence"), answers.get(q).get("evidence"), "q" + q);
        assertEquals(alone.get(q).reelRows(reel.models()).stream().map(JobRuns::withoutLastColumn).toList(),
            rowsOf(batch, "q" + q), "q" + q);
      }
    }
    List<JsonNode> rejected = lines(batch.resolve("question_rejects.json"));
    assertEquals(List.of(2, 3), rejected.stream().map(r -> r.get("line").asInt()).toList());
    assertTrue(rejected.get(0).get("reason").asText().startsWith("not a JSON object"));
    assertEquals("the question is empty", rejected.get(1).get("reason").asText());
    assertEquals(2, JobRuns.json(batch.resolve("metrics.json")).get("questions_rejected").asInt());
    assertTrue(Files.exists(batch.resolve("questions/q19/reel.md")));
  }

  /** jobs/reel ask runs on the pipeline API; asked through the API directly, the answers and reel are the same. */
  @Test
  void thePipelineApiAnswersAsTheAskCommandDoes() throws IOException {
    Path questions = dir.resolve("two.jsonl");
    Files.write(questions, List.of("{\"id\": \"b\", \"question\": \"" + BREAK + "\"}",
        "{\"id\": \"r\", \"question\": \"" + RANGE + "\"}"));
    Path asked = dir.resolve("asked-two");
    assertEquals(0, ReelCommand.execute("ask", "--corpus", corpus.toString(), "--questions", questions.toString(),
        "--output", asked.toString()));
    List<JsonNode> lines = lines(asked.resolve("answers.jsonl"));

    try (HighlightReel reel = HighlightReel.open(SparkSessions.shared(), ReelOptions.parse());
         ReelCorpus prepared = reel.corpus(corpus.toString())) {
      ReelAnswers found = reel.ask(prepared, List.of(new QuestionFile.Question("b", BREAK, 0),
          new QuestionFile.Question("r", RANGE, 0)));
      List<Row> answers = found.answers().orderBy("id").collectAsList();
      for (int q = 0; q < 2; q++) {
        assertEquals(lines.get(q).get("answer").asText(null), answers.get(q).getAs("answer"));
        assertEquals(lines.get(q).get("answer_passage").asText(null), answers.get(q).getAs("passage"));
        assertEquals(lines.get(q).get("answer_position").asLong(), (long) answers.get(q).getAs("position"));
      }
      for (String id : List.of("b", "r")) {
        List<String> rows = found.reel().filter("question_id = '" + id + "'").drop("question_id")
            .orderBy("position").collectAsList().stream().map(Row::toString).toList();
        assertEquals(rowsOf(asked, id), rows, id);
      }
    }
  }

  @Test
  void aMissingOrForeignCorpusIsRefusedInOneLine() throws IOException {
    String[] missing = {"ask", "--corpus", dir.resolve("no-corpus").toString(), "--question", BREAK,
        "--output", dir.resolve("out-missing").toString()};
    assertEquals(List.of(3, 1), exitAndLines(missing));

    // The same tokenizer written out again: other bytes, another fingerprint; the corpus is refused.
    Path tokenizer = dir.resolve("tokenizer.json");
    JsonNode bundled = JSON.readTree(new dev.reel.model.ModelFiles(ReelCommand.parseConfig(
        JobRuns.args(INPUT, dir)).model()).tokenizerJson());
    Files.write(tokenizer, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundled));
    Path foreign = dir.resolve("foreign");
    assertEquals(0, ReelCommand.execute("prepare", "--input", INPUT.resolve("appetite.html").toString(),
        "--corpus", foreign.toString(), "--tokenizer", tokenizer.toString()));
    String[] ask = {"ask", "--corpus", foreign.toString(), "--question", BREAK,
        "--output", dir.resolve("out-foreign").toString()};
    assertEquals(List.of(3, 1), exitAndLines(ask));
    assertFalse(Files.exists(dir.resolve("out-foreign/_SUCCESS")));
  }

  /** The exit code, then how many lines the command printed on standard error. */
  private static List<Integer> exitAndLines(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = ReelCommand.execute(args);
    } finally {
      System.setErr(err);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    List<String> reelLines = printed.lines().filter(l -> l.startsWith("reel: ")).toList();
    assertTrue(reelLines.get(0).contains("ask: "), printed);
    return List.of(code, reelLines.size());
  }

  /** One question's rows of a batch's reel.parquet, without the question_id column, as JobRuns.reelRows gives. */
  private static List<String> rowsOf(Path output, String questionId) {
    List<String> rows = new ArrayList<>();
    for (Row row : SparkSessions.shared().read().parquet(output.resolve("reel.parquet").toString())
        .filter("question_id = '" + questionId + "'").drop("question_id").orderBy("position").collectAsList()) {
      rows.add(row.toString());
    }
    return rows;
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
