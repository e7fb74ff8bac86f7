package dev.reel.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import dev.reel.bench.BenchReport;

/** Results files of the evaluation, with the same header as the benchmarks. */
final class EvalReport {
  private EvalReport() {}

  static String header(String title, String command) {
    return BenchReport.header(title, command);
  }

  static void write(Path out, String markdown) throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
  }

  static String join(double[] values) {
    return String.join(",", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%s", v)).toList());
  }

  /** Aggregates outcomes over depths. */
  static final class Tally {
    private int runs;
    private double recall;
    private int hit1;
    private int hit5;
    private double rank;

    void add(CaseRunner.Outcome outcome) {
      runs++;
      recall += outcome.recall();
      hit1 += outcome.hit(1) ? 1 : 0;
      hit5 += outcome.hit(5) ? 1 : 0;
      rank += outcome.rank();
    }

    String row() {
      return String.format(Locale.ROOT, "%.2f | %d/%d | %d/%d | %.1f |", recall / runs, hit1, runs, hit5, runs,
          rank / runs);
    }
  }
}
