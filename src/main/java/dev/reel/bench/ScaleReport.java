package dev.reel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The scale bench's results file: the runs, then what they show about linearity, memory and the dense baseline. */
final class ScaleReport {
  private static final double MIB = 1 << 20;
  private static final String[] COLUMNS = {"size", "tokens", "alpha", "wall s", "job s", "ingest s", "tokenize s",
      "score s", "reason s", "write s", "tokens/s (job)", "heap peak MiB", "heap after GC peak MiB", "RSS peak MiB",
      "chunk store peak MiB", "spill MiB", "buffer MiB", "passkey found"};

  private ScaleReport() {}

  static String render(ScaleCommand bench, double bytesPerToken, List<String[]> rows, List<ScaleRun.Result> results) {
    StringBuilder md = new StringBuilder(BenchReport.header("Scale: the real job from raw files to answer.json",
        bench.command()));
    md.append(String.format(Locale.ROOT, "Input: the corpus folders' files in name order, linked, until about the "
        + "size's tokens (%.2f bytes per token measured on the first 2 M characters); the passkey sentence "
        + "planted in the file at the middle; the question \"%s\". Each run is `jobs/reel` in its own JVM (-Xmx%s, "
        + "conf/jvm.options, embedded local Spark on every core: driver and executors share the JVM, so its peaks "
        + "bound both). wall: the whole process (JVM start, model load); job: ReelJob.run. Heap peak: sum of the heap "
        + "pools' peaks (an upper bound: the collector lets garbage pile up to what -Xmx allows); heap after GC peak: "
        + "the most heap still in use right after any collection (what the job kept); RSS peak: the process's VmHWM "
        + "(heap, Arrow, PyTorch, tokenizer); chunk store peak: the Arrow chunk stores' largest allocation. Buffer: the gathered tokens' bytes (budget "
        + "--buffer-mb).%n%n| %s |%n|%s%n", bytesPerToken, ScaleInput.QUESTION, bench.heap, String.join(" | ", COLUMNS),
        "---|".repeat(COLUMNS.length)));
    for (String[] row : rows) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    md.append("\n### Time against tokens, alpha 1\n\n| from | to | token ratio | job time ratio | score-stage ratio |\n"
        + "|---|---|---|---|---|\n");
    List<ScaleRun.Result> alphaOne = alphaOne(rows, results);
    ScaleRun.Result previous = null;
    for (ScaleRun.Result current : alphaOne) {
      if (previous != null) {
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %.2f | %.2f | %.2f |%n", tokens(previous), tokens(current),
            tokens(current) / (double) tokens(previous), seconds(current) / seconds(previous),
            current.stage("score") / previous.stage("score")));
      }
      previous = current;
    }
    md.append(memory(alphaOne));
    md.append("\n### Dense baseline (alpha 0) on the same chunks\n\n| tokens | score s, alpha 1 | score s, alpha 0 | "
        + "dense / alpha 1 | job s, alpha 1 | job s, alpha 0 |\n|---|---|---|---|---|---|\n");
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < rows.size(); j++) {
        if (rows.get(i)[0].equals(rows.get(j)[0]) && rows.get(i)[2].equals("1.0") && rows.get(j)[2].equals("0.0")) {
          ScaleRun.Result linear = results.get(i);
          ScaleRun.Result dense = results.get(j);
          md.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.2f | %.1f | %.1f |%n", tokens(linear),
              linear.stage("score"), dense.stage("score"), dense.stage("score") / linear.stage("score"),
              seconds(linear), seconds(dense)));
        }
      }
    }
    long largest = results.stream().mapToLong(ScaleReport::tokens).max().orElse(0);
    md.append(String.format(Locale.ROOT, "%nDense attention over the whole context, instead of per chunk, cannot run "
        + "here: at %,d tokens its score matrix alone is %.3g TB in float32 (n^2 x 4 bytes), against 24 GiB of "
        + "memory; per-chunk dense attention (above) is the baseline that runs.%n", largest,
        largest * (double) largest * 4 / 1e12));
    return md.toString();
  }

  /** The alpha 1 runs, in run order (sizes ascending). */
  private static List<ScaleRun.Result> alphaOne(List<String[]> rows, List<ScaleRun.Result> results) {
    List<ScaleRun.Result> linear = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i)[2].equals("1.0")) {
        linear.add(results.get(i));
      }
    }
    return linear;
  }

  /** Memory at alpha 1 against the smallest size: what grows with the corpus and what does not. */
  private static String memory(List<ScaleRun.Result> linear) {
    StringBuilder md = new StringBuilder("\n### Memory against tokens, alpha 1\n\n| tokens | heap after GC peak MiB | "
        + "x smallest | heap peak MiB | RSS peak MiB | chunk store peak MiB | buffer MiB |\n|---|---|---|---|---|---|---|\n");
    for (ScaleRun.Result r : linear) {
      md.append(String.format(Locale.ROOT, "| %,d | %,.0f | %.2f | %,.0f | %,.0f | %,.0f | %.1f |%n", tokens(r),
          r.memory("heap_after_gc_peak_bytes") / MIB, r.memory("heap_after_gc_peak_bytes")
              / (double) linear.get(0).memory("heap_after_gc_peak_bytes"), r.memory("heap_peak_bytes") / MIB,
          r.memory("process_rss_peak_bytes") / MIB, r.metrics().path("chunk_store_peak_bytes").asLong() / MIB,
          r.metrics().path("buffer_bytes").asLong() / MIB));
    }
    md.append(perStage(linear));
    return md.toString();
  }

  private static final List<String> STAGES = List.of("model", "ingest", "tokenize", "score", "reason", "write");

  /** Each stage's heap after GC peak and heap peak (MiB) at alpha 1, one column per size. */
  private static String perStage(List<ScaleRun.Result> linear) {
    StringBuilder md = new StringBuilder("\nPer stage, alpha 1: heap after GC peak / heap peak, MiB (the score stage "
        + "chunks, scores and gathers; the chunk stores' Arrow memory is off-heap, in the table above)\n\n| stage |");
    for (ScaleRun.Result r : linear) {
      md.append(String.format(Locale.ROOT, " %,d tokens |", tokens(r)));
    }
    md.append("\n|---|").append("---|".repeat(linear.size())).append('\n');
    for (String stage : STAGES) {
      md.append("| ").append(stage).append(" |");
      for (ScaleRun.Result r : linear) {
        md.append(String.format(Locale.ROOT, " %,.0f / %,.0f |", r.stageMemory(stage, "heap_after_gc_peak_bytes") / MIB,
            r.stageMemory(stage, "heap_peak_bytes") / MIB));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static long tokens(ScaleRun.Result result) {
    return result.metrics().path("tokens").asLong();
  }

  private static double seconds(ScaleRun.Result result) {
    return result.metrics().path("seconds").asDouble();
  }
}
