package dev.reel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import dev.reel.config.ReelConfig;

/**
 * The options of {@code jobs/reel ask} for the pipeline API ({@link dev.reel.HighlightReel}): the same names, defaults
 * and checks, so a pipeline and the command line configure a run alike.
 */
@Command(name = "reel-options")
public final class ReelOptions {
  @Mixin
  AskingOptions asking = new AskingOptions();

  @Mixin
  ModelTuning model = new ModelTuning();

  private ReelOptions() {}

  /**
   * A configuration from ask's options ({@code "--alpha", "0.3", "--buffer-mb", "8"}); none gives the defaults. A bad
   * option or value: an {@link IllegalArgumentException} with picocli's message.
   */
  public static ReelConfig parse(String... args) {
    ReelOptions options = new ReelOptions();
    try {
      new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
      return Parsing.checked(options, () -> options.asking.config(null, options.model.options(), null, ""));
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException("reel options: " + e.getMessage(), e);
    }
  }
}
