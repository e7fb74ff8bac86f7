package dev.reel.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import dev.reel.ReelJob;
import dev.reel.cli.ReelCommand;

/**
 * Runs the real reel job on a planted haystack and scores the outcome. The haystack's documents are written as
 * files once; each case rewrites only the documents it plants in, and puts them back afterwards.
 */
final class CaseRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SparkSession session;
  private final Path input;
  private final Path output;
  private Haystack haystack;

  CaseRunner(SparkSession session, Path work) {
    this.session = session;
    this.input = work.resolve("input");
    this.output = work.resolve("output");
  }

  /**
   * One run's scores.
   *
   * @param recall   kept answer characters (non-space) over answer characters: did selection keep the answers?
   * @param rank     1-based rank of the evidence at which every answer has appeared, 0 when one never does
   * @param ordered  reel.parquet rows come back in original order: positions rising with (document, character)
   * @param tokens   tokens the job read
   * @param seconds  wall time of the job
   * @param answered whether the job's answer holds every expected answer
   * @param answer   the job's answer (null when it gave none)
   * @param factRecall for a fact case, the share of its supporting facts among the facts the job read; -1 otherwise
   */
  record Outcome(double recall, int rank, boolean ordered, long tokens, double seconds, boolean answered,
                 String answer, double factRecall) {}

  void use(Haystack next) throws IOException {
    if (Files.isDirectory(input)) {
      try (Stream<Path> old = Files.list(input)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(input);
    for (int d = 0; d < next.docs().size(); d++) {
      Files.writeString(file(d), next.docs().get(d).text(), StandardCharsets.UTF_8);
    }
    this.haystack = next;
  }

  Outcome run(EvalCase evalCase, Planter.Planted planted, List<String> options) throws IOException {
    for (int d : planted.changed()) {
      Files.writeString(file(d), planted.texts().get(d), StandardCharsets.UTF_8);
    }
    try {
      List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(),
          "--question", evalCase.question()));
      args.addAll(evalCase.options());
      args.addAll(options);
      long start = System.nanoTime();
      new ReelJob(ReelCommand.parseConfig(args.toArray(String[]::new))).run(session);
      double seconds = (System.nanoTime() - start) / 1e9;
      JsonNode answer = JSON.readTree(output.resolve("answer.json").toFile());
      long tokens = JSON.readTree(output.resolve("metrics.json").toFile()).path("tokens").asLong();
      List<Row> kept = session.read().parquet(output.resolve("reel.parquet").toString())
          .select("source", "position", "char_start", "char_end").collectAsList();
      List<String> read = new ArrayList<>();
      answer.path("facts_read").forEach(f -> read.add(f.path("fact").asText()));
      return new Outcome(recall(kept, planted), rank(evalCase, answer), ordered(kept), tokens, seconds,
          answered(evalCase, answer), answer.path("answer").isNull() ? null : answer.path("answer").asText(),
          evalCase.facts() == null ? -1 : FactBaselines.recall(evalCase, read));
    } finally {
      for (int d : planted.changed()) {
        Files.writeString(file(d), haystack.docs().get(d).text(), StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Rank at which the texts cover every answer, one text allowed per answer: with four answers, rank 1 means the
   * top four texts hold all four (the evidence rule, shared with the BM25 baseline). 0 when one is never covered.
   */
  static int coverRank(List<String> texts, EvalCase evalCase) {
    int rank = 0;
    for (EvalCase.Answer answer : evalCase.answers()) {
      int first = 0;
      for (int i = 0; i < texts.size() && first == 0; i++) {
        first = texts.get(i).contains(answer.text()) ? i + 1 : 0;
      }
      if (first == 0) {
        return 0;
      }
      rank = Math.max(rank, first);
    }
    return Math.max(1, rank - (evalCase.answers().size() - 1));
  }

  /**
   * Whether the job's answer holds every expected answer (each value of a multi-value case, say), and for a fact
   * case none of its other places or values.
   */
  static boolean answered(EvalCase evalCase, JsonNode answer) {
    return evalCase.answeredBy(answer.path("answer").isNull() ? null : answer.path("answer").asText());
  }

  private static int rank(EvalCase evalCase, JsonNode answer) {
    if (evalCase.suite().aboutFacts()) {
      return answered(evalCase, answer) ? 1 : 0;
    }
    if (evalCase.suite().scoredOnAnswer()) {
      String reply = answer.path("answer").asText();
      boolean listed = reply.split("\\s+").length <= Suite.COMMON_WORDS_REPLY_WORDS;
      return listed && coverRank(List.of(reply), evalCase) > 0 ? 1 : 0;
    }
    List<String> texts = new ArrayList<>();
    answer.path("evidence").forEach(e -> texts.add(e.path("text").asText()));
    return coverRank(texts, evalCase);
  }

  private double recall(List<Row> kept, Planter.Planted planted) {
    long keptChars = 0;
    long answerChars = 0;
    for (int[] span : planted.spans()) {
      String text = planted.texts().get(span[0]);
      String name = file(span[0]).getFileName().toString();
      answerChars += nonSpace(text, span[1], span[2]);
      for (Row row : kept) {
        if (row.getString(0).endsWith(name) && row.getInt(2) >= span[1] && row.getInt(3) <= span[2]) {
          keptChars += nonSpace(text, row.getInt(2), row.getInt(3));
        }
      }
    }
    return keptChars / (double) answerChars;
  }

  /** Positions strictly rise, and with them the document (file name order) and the character offset in it. */
  private static boolean ordered(List<Row> kept) {
    List<Row> rows = new ArrayList<>(kept);
    rows.sort((a, b) -> Long.compare(a.getLong(1), b.getLong(1)));
    for (int i = 1; i < rows.size(); i++) {
      Row previous = rows.get(i - 1);
      Row row = rows.get(i);
      int source = row.getString(0).compareTo(previous.getString(0));
      if (row.getLong(1) == previous.getLong(1) || source < 0 || (source == 0 && row.getInt(2) < previous.getInt(3))) {
        return false;
      }
    }
    return true;
  }

  private static int nonSpace(String text, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      count += Character.isWhitespace(text.charAt(i)) ? 0 : 1;
    }
    return count;
  }

  private Path file(int doc) {
    return input.resolve(String.format(Locale.ROOT, "d%06d.txt", doc));
  }
}
