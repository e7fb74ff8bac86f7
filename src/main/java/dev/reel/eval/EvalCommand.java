package dev.reel.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.reel.bench.BenchReport;
import dev.reel.cli.RuntimeSettings;

/** {@code jobs/eval}: retrieval quality of the real job on text planted in real haystacks. */
@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = {EvalCommand.Ablation.class,
    EvalCommand.Positions.class},
    description = "Validation suites: planted text, real haystacks, the real job.")
public final class EvalCommand {
  @Command(name = "ablation", description = "Passkey and needle recall with all importance parts, and each one off.")
  static final class Ablation implements Callable<Integer> {
    @Option(names = "--haystack", defaultValue = "data-samples/prose/moby-dick", paramLabel = "DIR")
    Path haystack;

    @Option(names = "--depths", split = ",", defaultValue = "0.1,0.5,0.9")
    double[] depths;

    @Option(names = "--alpha", defaultValue = "0")
    double alpha;

    @Option(names = "--out", defaultValue = "jobs/results/ablation.md")
    Path out;

    @Override
    public Integer call() throws Exception {
      RuntimeSettings.apply(Path.of(System.getProperty("user.home"), ".cache", "highlight-reel").toString());
      String text = Haystacks.concatenate(haystack);
      List<String[]> configs = List.of(new String[] {"all parts", ""}, new String[] {"gravity off", "gravity"},
          new String[] {"attention off", "attention"}, new String[] {"relevance off", "relevance"},
          new String[] {"attention only", "gravity,relevance"});
      StringBuilder md = new StringBuilder(BenchReport.header("Ablation: what each importance part is worth",
          "jobs/eval ablation --haystack " + haystack + " --depths " + BenchReport.join(depths) + " --alpha " + alpha));
      md.append("Haystack: every `.txt` under `").append(haystack).append("` concatenated (").append(text.length())
          .append(" characters). One run of the real job per case and depth (depths ").append(BenchReport.join(depths))
          .append("), alpha ").append(alpha).append(", default options otherwise. Recall: share of the answer's "
          + "characters whose tokens were kept in the buffer. hit@k: the answer string is in the top k evidence.\n\n"
          + "| importance | suite | recall | hit@1 | hit@5 | mean rank (0 = missed) |\n|---|---|---|---|---|---|\n");
      Path work = Files.createTempDirectory("reel-eval");
      try (SparkSession session = RuntimeSettings.session("reel-eval", null)) {
        CaseRunner runner = new CaseRunner(session, work);
        for (String[] config : configs) {
          List<String> options = new ArrayList<>(List.of("--alpha", Double.toString(alpha)));
          if (!config[1].isEmpty()) {
            options.addAll(List.of("--ablate", config[1]));
          }
          for (String suite : List.of("passkey", "needle")) {
            EvalReport.Tally tally = new EvalReport.Tally();
            for (int d = 0; d < depths.length; d++) {
              PlantedCase planted = suite.equals("passkey") ? PlantedCase.passkey(String.valueOf(71432 + 1111 * d))
                  : PlantedCase.needle();
              CaseRunner.Outcome outcome = runner.run(planted.plantIn(text, depths[d]), planted.question(), options);
              tally.add(outcome);
              System.err.printf(Locale.ROOT, "%s %s depth %.2f: recall %.2f rank %d (%.1f s)%n", config[0], suite,
                  depths[d], outcome.recall(), outcome.rank(), outcome.seconds());
            }
            md.append("| ").append(config[0]).append(" | ").append(suite).append(" | ").append(tally.row()).append('\n');
          }
        }
      }
      BenchReport.write(out, md.toString());
      return 0;
    }
  }

  @Command(name = "positions", description = "Final-pass RoPE at original against compact positions.")
  static final class Positions implements Callable<Integer> {
    @Option(names = "--haystack", defaultValue = "data-samples/prose/moby-dick", paramLabel = "DIR")
    Path haystack;

    @Option(names = "--depths", split = ",", defaultValue = "0.1,0.5,0.9")
    double[] depths;

    @Option(names = "--out", defaultValue = "jobs/results/positions.md")
    Path out;

    @Override
    public Integer call() throws Exception {
      RuntimeSettings.apply(Path.of(System.getProperty("user.home"), ".cache", "highlight-reel").toString());
      String text = Haystacks.concatenate(haystack);
      StringBuilder md = new StringBuilder(BenchReport.header("Final pass: RoPE at original against compact positions",
          "jobs/eval positions --haystack " + haystack + " --depths " + BenchReport.join(depths)));
      md.append("Haystack: every `.txt` under `").append(haystack).append("` concatenated. Passkey and needle with one "
          + "hop; the two-hop chain (value at the depth, link 40% of the haystack later, `--hops 2`). hit@1: the "
          + "answer string is in the top evidence.\n\n| positions | suite | recall | hit@1 | hit@5 | mean rank |\n"
          + "|---|---|---|---|---|---|\n");
      Path work = Files.createTempDirectory("reel-eval");
      try (SparkSession session = RuntimeSettings.session("reel-eval", null)) {
        CaseRunner runner = new CaseRunner(session, work);
        for (String policy : List.of("original", "compact")) {
          for (String suite : List.of("passkey", "needle", "chain")) {
            EvalReport.Tally tally = new EvalReport.Tally();
            for (int d = 0; d < depths.length; d++) {
              PlantedCase planted = switch (suite) {
                case "passkey" -> PlantedCase.passkey(String.valueOf(71432 + 1111 * d));
                case "needle" -> PlantedCase.needle();
                default -> PlantedCase.chain();
              };
              String haystackText = suite.equals("chain")
                  ? new PlantedCase("link", PlantedCase.CHAIN_LINK, "", PlantedCase.CHAIN_LINK)
                      .plantIn(text, (depths[d] + 0.4) % 1.0).text()
                  : text;
              List<String> options = new ArrayList<>(List.of("--positions", policy));
              if (suite.equals("chain")) {
                options.addAll(List.of("--hops", "2"));
              }
              CaseRunner.Outcome outcome = runner.run(planted.plantIn(haystackText, depths[d]), planted.question(),
                  options);
              tally.add(outcome);
              System.err.printf(Locale.ROOT, "%s %s depth %.2f: recall %.2f rank %d%n", policy, suite, depths[d],
                  outcome.recall(), outcome.rank());
            }
            md.append("| ").append(policy).append(" | ").append(suite).append(" | ").append(tally.row()).append('\n');
          }
        }
      }
      BenchReport.write(out, md.toString());
      return 0;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalCommand()).execute(args));
  }
}
