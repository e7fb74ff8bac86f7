package dev.reel.cli;

import java.util.function.Supplier;
import picocli.CommandLine;

/** Option values the records refuse become picocli's parameter errors: one line and exit code 2. */
final class Parsing {
  private Parsing() {}

  static <T> T checked(Object command, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(command), e.getMessage(), e);
    }
  }
}
