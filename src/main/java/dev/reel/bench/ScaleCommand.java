package dev.reel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.reel.cli.ReelCommand;
import dev.reel.model.ModelFiles;
import dev.reel.tokenize.DocumentTokenizer;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jobs/bench scale}: the real job end to end at growing sizes, each run in its own JVM, dense baseline beside. */
@Command(name = "scale", mixinStandardHelpOptions = true, description = "The job from raw files to answer.json at 100K, 1M and 10M tokens; "
    + "per-stage time, memory peaks, spill and buffer bytes; dense attention (alpha 0) on the same chunks.")
final class ScaleCommand implements Callable<Integer> {
  private static final double MIB = 1 << 20;

  @ParentCommand
  BenchCommand parent;

  @Option(names = "--from", split = ",", defaultValue = "corpora/prose/moby-dick,corpora/prose/sotu,corpora/prose/gcide",
      paramLabel = "DIR", description = "Corpus folders, read in this order (default: ${DEFAULT-VALUE}; jobs/fetch-corpora).")
  List<Path> from;

  @Option(names = "--sizes", split = ",", defaultValue = "100K,1M,10M", paramLabel = "N",
      description = "Corpus sizes in tokens (default: ${DEFAULT-VALUE}).")
  List<String> sizes;

  @Option(names = "--alphas", split = ",", defaultValue = "1,0", paramLabel = "A",
      description = "Alphas to run at every size; 0 is the dense baseline (default: ${DEFAULT-VALUE}).")
  List<Double> alphas;

  @Option(names = "--heap", defaultValue = "2g", description = "-Xmx of each job's JVM (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--work", defaultValue = "target/bench-scale", paramLabel = "DIR")
  Path work;

  @Option(names = "--out", defaultValue = "jobs/results/scale.md")
  Path out;

  @Override
  public Integer call() throws Exception {
    for (Path folder : from) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("bench: no corpus folder " + folder + " (run jobs/fetch-corpora first)");
      }
    }
    DocumentTokenizer tokenizer = DocumentTokenizer.of(new ModelFiles(ReelCommand.parseConfig("--input", ".",
        "--output", "unused", "--cache-dir", parent.cacheDir.toString()).model()).tokenizerJson());
    String sample = ScaleInput.sample(from, 2_000_000);
    double bytesPerToken = sample.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        / (double) tokenizer.tokenize(sample)[0].length;
    ScaleInput input = new ScaleInput(from, bytesPerToken);
    List<String[]> rows = new ArrayList<>();
    List<ScaleRun.Result> results = new ArrayList<>();
    for (String size : sizes) {
      long tokens = TokenCount.parse(size);
      String key = Long.toString(10_000 + Math.abs(size.hashCode()) % 90_000);
      Path dir = work.resolve("input-" + size);
      deleteTree(dir);
      input.write(dir, tokens, key);
      for (double alpha : alphas) {
        Path output = work.resolve("out-" + size + "-alpha-" + alpha);
        System.err.printf(Locale.ROOT, "bench: %s tokens, alpha %s ...%n", size, alpha);
        ScaleRun.Result result = ScaleRun.run(dir, output, heap, alpha, work.resolve("log-" + size + "-" + alpha + ".txt"));
        results.add(result);
        rows.add(row(size, alpha, result, key));
        System.err.println("bench: " + String.join(" | ", rows.get(rows.size() - 1)));
      }
    }
    BenchReport.write(out, ScaleReport.render(this, bytesPerToken, rows, results));
    return 0;
  }

  String command() {
    return "jobs/bench scale --from " + String.join(",", from.stream().map(Path::toString).toList()) + " --sizes "
        + String.join(",", sizes) + " --alphas " + String.join(",", alphas.stream().map(String::valueOf).toList())
        + " --heap " + heap;
  }

  private static String[] row(String size, double alpha, ScaleRun.Result r, String key) {
    long tokens = r.metrics().path("tokens").asLong();
    double job = r.metrics().path("seconds").asDouble();
    return new String[] {size, fmt("%,d", tokens), fmt("%.1f", alpha), fmt("%.1f", r.wallSeconds()), fmt("%.1f", job),
        fmt("%.1f", r.stage("ingest")), fmt("%.1f", r.stage("tokenize")), fmt("%.1f", r.stage("score")),
        fmt("%.1f", r.stage("reason")), fmt("%.1f", r.stage("write")), fmt("%,.0f", tokens / job),
        fmt("%,.0f", r.memory("heap_peak_bytes") / MIB), fmt("%,.0f", r.memory("heap_after_gc_peak_bytes") / MIB),
        fmt("%,.0f", r.memory("process_rss_peak_bytes") / MIB),
        fmt("%,.0f", r.metrics().path("chunk_store_peak_bytes").asLong() / MIB),
        fmt("%,.0f", r.metrics().path("spill_bytes").asLong() / MIB),
        fmt("%.1f", r.metrics().path("buffer_bytes").asLong() / MIB), r.answer().equals(key) ? "yes (" + key + ")"
            : "no: " + r.answer()};
  }

  static String fmt(String format, Object value) {
    return String.format(Locale.ROOT, format, value);
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
