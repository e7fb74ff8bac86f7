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
import dev.reel.cli.RuntimeSettings;

/** {@code jobs/eval}: retrieval quality of the real job on text planted in real haystacks. */
@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = {EvalCommand.Ablation.class},
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
      StringBuilder md = new StringBuilder(EvalReport.header("Ablation: what each importance part is worth",
          "jobs/eval ablation --haystack " + haystack + " --depths " + EvalReport.join(depths) + " --alpha " + alpha));
      md.append("Haystack: every `.txt` under `").append(haystack).append("` concatenated (").append(text.length())
          .append(" characters). One run of the real job per case and depth (depths ").append(EvalReport.join(depths))
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
      EvalReport.write(out, md.toString());
      return 0;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalCommand()).execute(args));
  }
}
