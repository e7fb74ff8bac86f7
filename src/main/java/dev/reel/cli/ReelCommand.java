package dev.reel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.reel.ReelException;
import dev.reel.ReelJob;
import dev.reel.config.ReelConfig;

/** {@code jobs/reel}: turns a document archive into a highlight reel and, given a question, answers it. */
@Command(name = "reel", mixinStandardHelpOptions = true, version = "reel 0.1.0", sortOptions = false,
    subcommands = {PrepareCommand.class, AskCommand.class},
    description = {
        "Turns a document archive (text, Markdown, HTML, e-mail .eml/.mbox, JSON",
        "lines, Parquet, zip, tar.gz) into a bounded, auditable highlight reel, and",
        "answers a question over it.",
        "Without a subcommand: the one-shot job (--input, --output). To ask many",
        "questions over one archive, prepare it once (reel prepare), then ask (reel ask).",
        "Runs on embedded local Spark unless a master is given (or under spark-submit)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:reel written", "1:internal failure (see the log)", "2:invalid option",
        "3:input problem: missing path, empty corpus, unusable model file"})
public final class ReelCommand implements Callable<Integer> {
  static final int EXIT_INPUT = 3;

  @Option(names = "--input", paramLabel = "PATH",
      description = "File, directory or glob to read, on any Hadoop file system (required without a subcommand).")
  String input;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Directory for the outputs, on any Hadoop file system (hdfs://, s3a://, a local path) "
          + "(required without a subcommand).")
  String output;

  @Option(names = "--question", paramLabel = "TEXT", description = "Question to answer over the corpus.")
  String question;

  @Mixin
  AskingOptions asking = new AskingOptions();

  @Mixin
  IngestTuning ingest = new IngestTuning();

  @Mixin
  ModelTuning model = new ModelTuning();

  @Mixin
  RunOptions run = new RunOptions();

  @Override
  public Integer call() throws Exception {
    ReelConfig config = config();
    RuntimeSettings.checkLocalInput(input);
    RuntimeSettings.apply(config.model().cacheDir());
    try (SparkSession session = RuntimeSettings.session("reel", run.master)) {
      new ReelJob(config).run(session);
    }
    return 0;
  }

  ReelConfig config() {
    if (input == null || output == null) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--input and --output are required "
          + "(or a subcommand: prepare, ask; see --help)");
    }
    return Parsing.checked(this, () -> asking.config(ingest.options(input), model.options(), question, output));
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
    CommandLine cli = new CommandLine(new ReelCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    Path defaults = configFile(args);
    if (defaults != null) {
      if (!Files.isRegularFile(defaults)) {
        cli.getErr().println("reel: --config: no such file: " + defaults);
        return 2;
      }
      cli.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(defaults.toFile()));
    }
    boolean verbose = Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      boolean userError = e instanceof ReelException;
      line.getErr().println("reel: " + (userError ? e.getMessage() : "failed: " + e));
      if (verbose) {
        e.printStackTrace(line.getErr());
      } else if (!userError) {
        line.getErr().println("reel: run again with --verbose for the stack trace");
      }
      return userError ? EXIT_INPUT : 1;
    });
    return cli.execute(args);
  }
}
