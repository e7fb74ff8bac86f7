package dev.reel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.reel.ReelException;
import dev.reel.ReelJob;
import dev.reel.config.ChunkOptions;
import dev.reel.config.IngestOptions;
import dev.reel.config.ModelOptions;
import dev.reel.config.PositionPolicy;
import dev.reel.config.ReelConfig;
import dev.reel.config.ScoreOptions;

/** {@code jobs/reel}: turns a document archive into a highlight reel and, given a question, answers it. */
@Command(name = "reel", mixinStandardHelpOptions = true, version = "reel 0.1.0", sortOptions = false,
    description = {
        "Turns a document archive (text, Markdown, HTML, e-mail .eml/.mbox, JSON lines, Parquet, zip, tar.gz)",
        "into a bounded, auditable highlight reel, and answers a question over it.",
        "Runs on embedded local Spark unless a master is given (or it runs under spark-submit)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:reel written", "1:internal failure (see the log)", "2:invalid option",
        "3:input problem: missing path, empty corpus, unusable model file"})
public final class ReelCommand implements Callable<Integer> {
  static final int EXIT_INPUT = 3;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "File, directory or glob to read, on any Hadoop file system.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Directory for the outputs, on any Hadoop file system (hdfs://, s3a://, a local path).")
  String output;

  @Option(names = "--question", paramLabel = "TEXT", description = "Question to answer over the corpus.")
  String question;

  @Option(names = "--alpha", defaultValue = "0", paramLabel = "A",
      description = "Attention slider: 0 dense, 0.3 sub-quadratic, 1 linear time (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--buffer-mb", defaultValue = "16", paramLabel = "N",
      description = "Byte budget of the global buffer of kept tokens, in MiB (default: ${DEFAULT-VALUE}).")
  double bufferMb;

  @Option(names = "--chunk-tokens", defaultValue = "512", paramLabel = "N",
      description = "Tokens per chunk (default: ${DEFAULT-VALUE}).")
  int chunkTokens;

  @Option(names = "--positions", defaultValue = "original", paramLabel = "POLICY",
      description = "RoPE positions in the final pass: original (corpus positions) or compact (0..K-1) "
          + "(default: ${DEFAULT-VALUE}).")
  PositionPolicy positions;

  @Option(names = "--hops", defaultValue = "0", paramLabel = "N",
      description = "Ask at most N times, each hop about what the previous one found, so chains such as "
          + "\"VAR B = VAR A\", \"VAR A = 48213\" resolve (default: 0, chosen by the question: up to "
          + ReelConfig.FACT_HOPS + " for a question about facts that chain, such as \"Where is the football?\" or \"What "
          + "is the value of VAR B?\", while the chain needs another hop; else 1).")
  int hops;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. spark://host:7077 or yarn (default: local[*], or spark-submit's).")
  String master;

  @CommandLine.Mixin
  TuningOptions tuning = new TuningOptions();

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file of option defaults (key: the option without dashes, e.g. buffer-mb = 32); "
          + "options on the command line override it. jobs/reel passes conf/reel.properties.")
  Path config;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    ReelConfig config = config();
    RuntimeSettings.checkLocalInput(input);
    RuntimeSettings.apply(config.model().cacheDir());
    try (SparkSession session = RuntimeSettings.session("reel", master)) {
      new ReelJob(config).run(session);
    }
    return 0;
  }

  ReelConfig config() {
    try {
      // Checked here, once, on the driver: the option records travel to executors, where these files need not exist.
      requireFile(tuning.tokenizer, "--tokenizer");
      requireFile(tuning.model, "--model");
      requireFile(tuning.dna, "--dna");
      long mib = 1L << 20;
      IngestOptions ingest = new IngestOptions(input, tuning.jsonField, tuning.parquetColumn,
          (long) (tuning.maxFileMb * mib), (long) (tuning.maxEntryMb * mib), (long) (tuning.maxArchiveMb * mib),
          tuning.maxArchiveEntries);
      ModelOptions model = new ModelOptions(tuning.tokenizer, tuning.model, tuning.cacheDir.toString());
      ChunkOptions chunk = new ChunkOptions(chunkTokens, (long) (tuning.chunkStoreMb * mib), tuning.partitions);
      ScoreOptions score = new ScoreOptions(alpha, tuning.gates, tuning.seed, tuning.gateThreshold, tuning.topP,
          tuning.chunkBudget, tuning.ablate, tuning.dna, tuning.rule, tuning.vectors);
      return new ReelConfig(ingest, model, chunk, score, (long) (bufferMb * mib), question, output,
          positions, hops);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage(), e);
    }
  }

  private static void requireFile(String path, String option) {
    if (path != null && !Files.isRegularFile(Path.of(path))) {
      throw new IllegalArgumentException(option + ": no such file: " + path);
    }
  }

  /** The defaults file: --config FILE, else the launcher's -Dreel.config, else none. */
  private static Path configFile(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
    }
    String launcherDefault = System.getProperty("reel.config");
    return launcherDefault == null ? null : Path.of(launcherDefault);
  }

  /** Parses arguments into a validated configuration, with the same defaults as the command line. */
  public static ReelConfig parseConfig(String... args) {
    ReelCommand command = new ReelCommand();
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return command.config();
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command and returns its exit code; failures print one line unless --verbose. */
  public static int execute(String... args) {
    ReelCommand command = new ReelCommand();
    CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    Path defaults = configFile(args);
    if (defaults != null) {
      if (!Files.isRegularFile(defaults)) {
        cli.getErr().println("reel: --config: no such file: " + defaults);
        return 2;
      }
      cli.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(defaults.toFile()));
    }
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      boolean userError = e instanceof ReelException;
      line.getErr().println("reel: " + (userError ? e.getMessage() : "failed: " + e));
      if (command.verbose) {
        e.printStackTrace(line.getErr());
      } else if (!userError) {
        line.getErr().println("reel: run again with --verbose for the stack trace");
      }
      return userError ? EXIT_INPUT : 1;
    });
    return cli.execute(args);
  }
}
