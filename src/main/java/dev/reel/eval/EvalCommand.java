package dev.reel.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import dev.reel.bench.BenchReport;
import dev.reel.bench.ScratchDir;
import dev.reel.bench.TokenCount;
import dev.reel.cli.ReelCommand;
import dev.reel.cli.RuntimeSettings;
import dev.reel.config.ReelConfig;
import dev.reel.model.ModelFiles;
import dev.reel.tokenize.DocumentTokenizer;

/**
 * {@code jobs/eval}: the validation suites of QUALITY.md. Plants each suite's text into a real haystack at every
 * length and depth, runs the real job under every setting, scores it, and adds the rows to the outcome table from
 * which the results file and the heatmaps are drawn.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false, subcommands = {QuestionSetCommand.class,
    DigestCommand.class},
    description = "Validation suites: planted text, real haystacks, the real job; results to jobs/results/eval.md.")
public final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--haystack", defaultValue = "prose", paramLabel = "NAME",
      description = "Haystack name: prose, mail or html (folders under --corpora), or any name with --from.")
  String haystack;

  @Option(names = "--from", split = ",", paramLabel = "PATH",
      description = "Folders or files of the haystack, read in this order (default: by --haystack).")
  List<Path> from;

  @Option(names = "--corpora", defaultValue = "corpora", paramLabel = "DIR",
      description = "Where jobs/fetch-corpora put the large corpora (default: ${DEFAULT-VALUE}).")
  Path corpora;

  @Option(names = "--suites", split = ",", paramLabel = "SUITE", defaultValue = "passkey,needle,multikey,"
      + "multivalue,multiquery,variable-tracking,variable-list,jigsaw,common-words", description = "Suites (default: "
      + "the RULER-style ones; the ones about facts that chain are entity-state, object-carried, object-three-facts "
      + "and variable-chain).")
  List<String> suites;

  @Option(names = "--lengths", split = ",", defaultValue = "4K,32K,256K,1M", paramLabel = "N",
      description = "Haystack lengths in tokens, 4K = 4096 (default: ${DEFAULT-VALUE}).")
  List<String> lengths;

  @Option(names = "--depths", defaultValue = "11", paramLabel = "N",
      description = "Depths per length, evenly from 0% to 100% (default: ${DEFAULT-VALUE}).")
  int depthCount;

  @Option(names = "--setting", paramLabel = "NAME=OPTIONS", defaultValue = "default=",
      description = "A named set of job options, e.g. \"alpha-1=--alpha 1\"; repeat for several (default: the "
          + "job's defaults, named default).")
  List<String> settings;

  @Option(names = "--no-bm25", description = "Skip the BM25 baseline.")
  boolean noBm25;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the planted keys and values.")
  long seed;

  @Option(names = "--results", defaultValue = "jobs/results/eval", paramLabel = "DIR",
      description = "Outcome table, runs and heatmaps (and notes.md, copied into the report); the report is "
          + "DIR.md (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--report-only", description = "Redraw the report and heatmaps from the outcome table; run nothing.")
  boolean reportOnly;

  @Override
  public Integer call() throws Exception {
    OutcomeTable table = new OutcomeTable(results.resolve("outcomes.csv"));
    if (!reportOnly) {
      measure(table);
    }
    Files.createDirectories(results);
    String runs = BenchReport.header("Validation suites: planted text in real haystacks, the real job",
        "jobs/eval --report-only") + "Runs that measured the rows below:\n\n" + Files.readString(runsFile());
    // The goals and what the numbers mean are written by hand beside the table: they need reading, not counting.
    Path notes = results.resolve("notes.md");
    String prose = Files.isRegularFile(notes) ? Files.readString(notes) + "\n" : "";
    BenchReport.write(Path.of(results + ".md"), EvalMarkdown.render(table.rows(), results, runs + "\n" + prose));
    return 0;
  }

  private void measure(OutcomeTable table) throws IOException {
    Map<String, List<String>> named = parseSettings();
    List<Suite> chosen = suites.stream().map(Suite::of).toList();
    long longest = lengths.stream().mapToLong(TokenCount::parse).max().orElseThrow();
    ReelConfig defaults = ReelCommand.parseConfig("--input", ".", "--output", "unused");
    RuntimeSettings.apply(defaults.model().cacheDir());
    DocumentTokenizer tokenizer = DocumentTokenizer.of(new ModelFiles(defaults.model()).tokenizerJson());
    Haystack full = Haystack.load(folders(), longest, tokenizer, defaults.ingest());
    Planter planter = new Planter(tokenizer, defaults.chunk().chunkTokens());
    // A run stopped before its first row leaves a line in runs.md but no row: count both.
    int run = Math.max(table.nextRun(), Files.exists(runsFile())
        ? (int) Files.readAllLines(runsFile()).stream().filter(l -> l.matches("\\| \\d+ \\|.*")).count() + 1 : 1);
    logRun(run);
    Path work = ScratchDir.create("reel-eval");
    try (SparkSession session = RuntimeSettings.session("reel-eval", null)) {
      CaseRunner runner = new CaseRunner(session, work);
      for (int l = 0; l < lengths.size(); l++) {
        Haystack haystackPrefix = full.prefix(TokenCount.parse(lengths.get(l)));
        runner.use(haystackPrefix);
        for (Suite suite : chosen) {
          for (int d = 0; d < depthCount; d++) {
            double depth = depthCount == 1 ? 0.5 : d / (double) (depthCount - 1);
            EvalCase evalCase = suite.make(depth, new SplittableRandom(seed * 1_000_003L + suite.ordinal() * 10_007L
                + l * 101L + d));
            measureCase(table, runner, planter.plant(haystackPrefix, evalCase), evalCase, named, lengths.get(l),
                depth, run);
          }
        }
      }
    }
  }

  /** Runs one planted case under every setting, its baselines once, and records a row per setting. */
  private void measureCase(OutcomeTable table, CaseRunner runner, Planter.Planted planted, EvalCase evalCase,
                           Map<String, List<String>> named, String length, double depth, int run) throws IOException {
    Suite suite = evalCase.suite();
    List<String> sentences = suite.aboutFacts() ? SentencePassages.of(planted.texts()) : null;
    int bm25 = noBm25 || suite.scoredOnAnswer() && !suite.aboutFacts() ? -1
        : suite.aboutFacts() ? FactBaselines.bm25(sentences, evalCase)
        : CaseRunner.coverRank(Bm25Baseline.topPassages(planted.texts(), evalCase.question()), evalCase);
    int lastMention = suite.aboutFacts() ? FactBaselines.lastMention(sentences, evalCase) : -1;
    for (Map.Entry<String, List<String>> setting : named.entrySet()) {
      CaseRunner.Outcome outcome = runner.run(evalCase, planted, setting.getValue());
      table.put(new OutcomeTable.Row(setting.getKey(), haystack, suite, length, outcome.tokens(), depth,
          outcome.recall(), outcome.rank(), bm25, outcome.ordered(), outcome.seconds(), run,
          outcome.answered() ? 1 : 0, outcome.factRecall(), lastMention));
      System.err.printf(Locale.ROOT, "eval: %s %s %s depth %.0f%%: recall %.2f rank %d (BM25 %d%s)%s, answer %s, "
          + "%.1f s%n", setting.getKey(), suite.label(), length, depth * 100, outcome.recall(), outcome.rank(), bm25,
          suite.aboutFacts() ? String.format(Locale.ROOT, ", last mention %d, fact recall %.2f", lastMention,
              outcome.factRecall()) : "", outcome.ordered() ? "" : " OUT OF ORDER",
          outcome.answered() ? "holds all" : "misses (" + outcome.answer() + ")", outcome.seconds());
    }
  }

  private Map<String, List<String>> parseSettings() {
    Map<String, List<String>> named = new LinkedHashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--setting must be NAME=OPTIONS: " + setting);
      }
      String options = setting.substring(eq + 1).strip();
      named.put(setting.substring(0, eq).strip(),
          options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")));
    }
    return named;
  }

  List<Path> folders() throws IOException {
    List<Path> folders = from != null ? from : switch (haystack) {
      case "prose" -> List.of(corpora.resolve("prose/moby-dick"), corpora.resolve("prose/sotu"),
          corpora.resolve("prose/gcide"));
      case "mail" -> List.of(corpora.resolve("mail"));
      case "html" -> List.of(corpora.resolve("html"));
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--haystack " + haystack + " needs --from (known names: prose, mail, html)");
    };
    for (Path folder : folders) {
      if (!Files.exists(folder)) {
        throw new IOException("eval: no such haystack folder: " + folder + " (run jobs/fetch-corpora first, or "
            + "name folders with --from)");
      }
    }
    return folders;
  }

  private Path runsFile() {
    return results.resolve("runs.md");
  }

  private void logRun(int run) throws IOException {
    Files.createDirectories(results);
    if (!Files.exists(runsFile())) {
      Files.writeString(runsFile(), "| run | date | commit | machine | command |\n|---|---|---|---|---|\n");
    }
    String command = "jobs/eval " + String.join(" ", spec.commandLine().getParseResult().originalArgs().stream()
        .map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList());
    Files.writeString(runsFile(), String.format(Locale.ROOT, "| %d | %s | %s | %s, %d cores | `%s` |%n", run,
        LocalDate.now(), BenchReport.commit(), BenchReport.cpuModel(), Runtime.getRuntime().availableProcessors(),
        command), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalCommand()).execute(args));
  }
}
