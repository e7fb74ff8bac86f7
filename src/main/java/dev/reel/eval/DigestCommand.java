package dev.reel.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import dev.reel.ReelJob;
import dev.reel.bench.BenchReport;
import dev.reel.bench.ScratchDir;
import dev.reel.bench.TokenCount;
import dev.reel.cli.ReelCommand;
import dev.reel.cli.RuntimeSettings;
import dev.reel.config.ReelConfig;
import dev.reel.model.ModelFiles;
import dev.reel.tokenize.DocumentTokenizer;

/**
 * {@code jobs/eval digest}: the reel without a question as a digest. Plants informative sentences (events with names,
 * numbers and dates) evenly through a real haystack at each length, runs the job with no question, and counts the
 * planted sentences its strongest passages hold (twice as many passages as planted), beside continuous LexRank and
 * a seeded random pick of the haystack's sentences with the same number of characters, in the same run. Also the
 * share of function words among the reel's kept tokens. Rows go to {@code DIR/rows.csv}; the report is DIR.md.
 */
@Command(name = "digest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Digest suite: planted informative sentences, the question-less reel against LexRank and random.")
final class DigestCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand
  EvalCommand parent;

  @Option(names = "--lengths", split = ",", defaultValue = "100K,1M", paramLabel = "N",
      description = "Haystack lengths in tokens (default: ${DEFAULT-VALUE}).")
  List<String> lengths;

  @Option(names = "--plants", defaultValue = "20", paramLabel = "N",
      description = "Informative sentences planted (default: ${DEFAULT-VALUE}).")
  int plants;

  @Option(names = "--results", defaultValue = "jobs/results/digest", paramLabel = "DIR",
      description = "Rows (DIR/rows.csv, appended) and the report DIR.md (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--report-only", description = "Only redraw DIR.md from DIR/rows.csv and DIR/notes.md.")
  boolean reportOnly;

  /** One length's outcome. */
  record Outcome(String haystack, long tokens, int planted, int reel, int lexRank, int random, long budgetChars,
                 double functionWords, double reelSeconds, String commit) {
    String csv() {
      return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%.4f,%.1f,%s,%s", haystack, tokens, planted, reel,
          lexRank, random, budgetChars, functionWords, reelSeconds, commit, LocalDate.now());
    }
  }

  @Override
  public Integer call() throws Exception {
    if (reportOnly) {
      DigestReport.write(results);
      return 0;
    }
    ReelConfig defaults = ReelCommand.parseConfig("--input", ".", "--output", "unused");
    RuntimeSettings.apply(defaults.model().cacheDir());
    DocumentTokenizer tokenizer = DocumentTokenizer.of(new ModelFiles(defaults.model()).tokenizerJson());
    long longest = lengths.stream().mapToLong(TokenCount::parse).max().orElseThrow();
    Haystack full = Haystack.load(parent.folders(), longest, tokenizer, defaults.ingest());
    Planter planter = new Planter(tokenizer, defaults.chunk().chunkTokens());
    Path work = ScratchDir.create("reel-digest");
    Files.createDirectories(results);
    try (SparkSession session = RuntimeSettings.session("reel-digest", null)) {
      for (String length : lengths) {
        Haystack haystack = full.prefix(TokenCount.parse(length));
        Outcome outcome = run(session, haystack, planter, work.resolve(length));
        Files.writeString(results.resolve("rows.csv"), outcome.csv() + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("digest: " + outcome);
      }
    }
    DigestReport.write(results);
    return 0;
  }

  private Outcome run(SparkSession session, Haystack haystack, Planter planter, Path dir) throws IOException {
    List<String> sentences = DigestSentences.make(plants, new SplittableRandom(parent.seed));
    List<EvalCase.Plant> planted = new ArrayList<>();
    for (int p = 0; p < plants; p++) {
      planted.add(new EvalCase.Plant(sentences.get(p), (p + 0.5) / plants));
    }
    Planter.Planted texts = planter.plant(haystack, planted, List.of());
    Path input = dir.resolve("input");
    Files.createDirectories(input);
    for (int d = 0; d < texts.texts().size(); d++) {
      Files.writeString(input.resolve(String.format(Locale.ROOT, "d%06d.txt", d)), texts.texts().get(d));
    }
    Path output = dir.resolve("output");
    long start = System.nanoTime();
    new ReelJob(ReelCommand.parseConfig("--input", input.toString(), "--output", output.toString())).run(session);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> top = new ArrayList<>();
    for (JsonNode passage : JSON.readTree(output.resolve("digest.json").toFile()).path("passages")) {
      if (top.size() == 2 * plants) {
        break;
      }
      top.add(passage.path("text").asText());
    }
    long budget = top.stream().mapToLong(String::length).sum();
    List<String> haystackSentences = SentencePassages.of(texts.texts());
    List<String> lexRank = DigestBaselines.byScore(haystackSentences, LexRank.scores(haystackSentences), budget);
    List<String> random = DigestBaselines.random(haystackSentences, budget, new SplittableRandom(parent.seed + 1));
    List<String> kept = session.read().parquet(output.resolve("reel.parquet").toString()).select("token")
        .collectAsList().stream().map((Row row) -> row.getString(0)).toList();
    long tokens = JSON.readTree(output.resolve("metrics.json").toFile()).path("tokens").asLong();
    return new Outcome(parent.haystack, tokens, plants, DigestBaselines.found(sentences, top),
        DigestBaselines.found(sentences, lexRank), DigestBaselines.found(sentences, random), budget,
        FunctionWords.share(kept), seconds, BenchReport.commit());
  }
}
