package dev.reel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Failures print one line naming the problem and exit non-zero; nothing starts Spark for them. */
class ReelCommandTest {
  @Test
  void helpListsTheContractOptions() {
    Result result = run("--help");
    assertEquals(0, result.exit);
    for (String option : new String[] {"--input", "--question", "--output", "--alpha", "--buffer-mb",
        "--chunk-tokens", "--master", "--tokenizer"}) {
      assertTrue(result.out.contains(option), option + " missing from --help");
    }
  }

  @Test
  void missingInputPathIsOneLineAndExitThree() {
    Result result = run("--input", "/no/such/archive", "--output", "/tmp/reel-never");
    assertEquals(ReelCommand.EXIT_INPUT, result.exit);
    assertEquals("reel: ingest: input path does not exist: /no/such/archive (--input)", result.err.strip());
  }

  @Test
  void malformedOptionNamesTheOptionAndExitsTwo() {
    Result result = run("--input", "x", "--output", "y", "--alpha", "2");
    assertEquals(2, result.exit);
    assertTrue(result.err.startsWith("--alpha must be in [0.0, 1.0]; found 2.0"), result.err);
    assertFalse(result.err.contains("\tat "), "no stack trace");
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int exit = ReelCommand.execute(args);
      return new Result(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
