package dev.reel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the job runs and how it reports: every subcommand's. */
final class RunOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. spark://host:7077 or yarn (default: local[*], or spark-submit's).")
  String master;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file of option defaults (key: the option without dashes, e.g. buffer-mb = 32); "
          + "options on the command line override it. jobs/reel passes conf/reel.properties.")
  Path config;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
  boolean verbose;

  /** Fails with the option's name when a file it names does not exist. */
  static void requireFile(String path, String option) {
    if (path != null && !Files.isRegularFile(Path.of(path))) {
      throw new IllegalArgumentException(option + ": no such file: " + path);
    }
  }
}
