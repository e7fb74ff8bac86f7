package dev.reel.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import dev.reel.ReelJob;
import dev.reel.cli.ReelCommand;

/**
 * Runs the real reel job on a planted haystack and scores the outcome: buffer recall (share of the answer's tokens
 * kept), hit@1 and hit@5 (RULER string match on the top evidence), and the answer's rank among the evidence.
 */
final class CaseRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SparkSession session;
  private final Path work;

  CaseRunner(SparkSession session, Path work) {
    this.session = session;
    this.work = work;
  }

  /**
   * One run's scores.
   *
   * @param recall   kept answer tokens over answer tokens
   * @param rank     1-based rank of the first evidence containing the answer, 0 when none does
   * @param seconds  wall time of the job
   */
  record Outcome(double recall, int rank, double seconds) {
    boolean hit(int k) {
      return rank > 0 && rank <= k;
    }
  }

  Outcome run(PlantedCase.Planted planted, String question, List<String> options) throws IOException {
    Path input = work.resolve("input");
    Path output = work.resolve("output");
    Files.createDirectories(input);
    Files.writeString(input.resolve("haystack.txt"), planted.text(), StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(),
        "--question", question));
    args.addAll(options);
    long start = System.nanoTime();
    new ReelJob(ReelCommand.parseConfig(args.toArray(String[]::new))).run(session);
    double seconds = (System.nanoTime() - start) / 1e9;
    String answer = planted.text().substring(planted.answerStart(), planted.answerEnd());
    return new Outcome(recall(output, planted), rank(output, answer), seconds);
  }

  private double recall(Path output, PlantedCase.Planted planted) {
    List<Row> kept = session.read().parquet(output.resolve("reel.parquet").toString())
        .filter("char_start >= " + planted.answerStart() + " and char_end <= " + planted.answerEnd())
        .select("char_start", "char_end").collectAsList();
    long keptChars = 0;
    for (Row row : kept) {
      keptChars += nonSpace(planted.text(), row.getInt(0), row.getInt(1));
    }
    return keptChars / (double) nonSpace(planted.text(), planted.answerStart(), planted.answerEnd());
  }

  private static int nonSpace(String text, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      count += Character.isWhitespace(text.charAt(i)) ? 0 : 1;
    }
    return count;
  }

  private static int rank(Path output, String answer) throws IOException {
    JsonNode evidence = JSON.readTree(output.resolve("answer.json").toFile()).path("evidence");
    for (int i = 0; i < evidence.size(); i++) {
      if (evidence.get(i).path("text").asText().contains(answer)) {
        return i + 1;
      }
    }
    return 0;
  }
}
