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
  void verboseAddsTheStackTrace() {
    Result result = run("--input", "/no/such/archive", "--output", "/tmp/reel-never", "--verbose");
    assertEquals(ReelCommand.EXIT_INPUT, result.exit);
    assertTrue(result.err.startsWith("reel: ingest: input path does not exist: /no/such/archive (--input)"));
    assertTrue(result.err.contains("\tat dev.reel."), "stack trace expected with --verbose: " + result.err);
  }

  @Test
  void malformedOptionNamesTheOptionAndExitsTwo() {
    Result result = run("--input", "x", "--output", "y", "--alpha", "2");
    assertEquals(2, result.exit);
    assertTrue(result.err.startsWith("--alpha must be in [0.0, 1.0]; found 2.0"), result.err);
    assertFalse(result.err.contains("\tat "), "no stack trace");
  }

  @Test
  void configFileSuppliesDefaultsThatTheCommandLineOverrides(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path config = dir.resolve("reel.properties");
    java.nio.file.Files.writeString(config, "alpha = 2\n");
    Result fromFile = run("--config", config.toString(), "--input", "x", "--output", "y");
    assertEquals(2, fromFile.exit);
    assertTrue(fromFile.err.startsWith("--alpha must be in [0.0, 1.0]; found 2.0"), fromFile.err);
    Result overridden = run("--config", config.toString(), "--input", "/no/such/archive", "--output", "y",
        "--alpha", "1");
    assertEquals(ReelCommand.EXIT_INPUT, overridden.exit, overridden.err);
  }

  @Test
  void missingModelFilesAreRefusedByTheCommandLineOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    for (String option : new String[] {"--dna", "--tokenizer", "--model"}) {
      Result result = run("--input", "x", "--output", "y", option, "/no/such/file.json");
      assertEquals(2, result.exit, option);
      assertTrue(result.err.startsWith(option + ": no such file: /no/such/file.json"), result.err);
    }
    // An executor deserializes the options where the driver's files may not exist: that must not fail.
    java.nio.file.Path tastes = java.nio.file.Files.writeString(dir.resolve("tastes.json"), "{}");
    dev.reel.config.ReelConfig config = ReelCommand.parseConfig("--input", "x", "--output", "y", "--dna",
        tastes.toString(), "--tokenizer", tastes.toString());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(config);
    }
    java.nio.file.Files.delete(tastes);
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      dev.reel.config.ReelConfig copy = (dev.reel.config.ReelConfig) in.readObject();
      assertEquals(tastes.toString(), copy.score().tastes());
      assertEquals(tastes.toString(), copy.model().tokenizer());
    }
  }

  @Test
  void anOutputThatCannotBeWrittenIsOneLineAndExitThree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("taken"), "x");
    java.nio.file.Files.writeString(dir.resolve("in.txt"), "Call me Ishmael.");
    Result result = run("--input", dir.resolve("in.txt").toString(), "--output", file.resolve("out").toString());
    assertEquals(ReelCommand.EXIT_INPUT, result.exit, result.err);
    assertTrue(result.err.strip().startsWith("reel: output: cannot write to "), result.err);
    assertTrue(result.err.strip().endsWith("(--output " + file.resolve("out") + ")"), result.err);
    assertEquals(1, result.err.strip().lines().count(), result.err);
    assertEquals("x", java.nio.file.Files.readString(file), "nothing written over the file in the way");
  }

  @Test
  void missingConfigFileIsOneLineAndExitTwo() {
    Result result = run("--config", "/no/such.properties", "--input", "x", "--output", "y");
    assertEquals(2, result.exit);
    assertEquals("reel: --config: no such file: /no/such.properties", result.err.strip());
  }

  @Test
  void emptyCorpusIsOneLineAndExitThree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("in"));
    java.nio.file.Files.write(dir.resolve("in/empty.txt"), new byte[0]);
    Result result = run("--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString());
    assertEquals(ReelCommand.EXIT_INPUT, result.exit);
    String[] lines = result.err.strip().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(last.startsWith("reel: ingest: no readable document in "), result.err);
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
