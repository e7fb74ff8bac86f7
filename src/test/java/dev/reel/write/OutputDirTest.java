package dev.reel.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are whole or absent, _SUCCESS says the run finished, and an unwritable directory is refused up front. */
class OutputDirTest {
  @TempDir
  Path dir;

  @Test
  void aFileAppearsOnlyWhenItsWriterFinishes() throws IOException {
    OutputDir output = OutputDir.open(dir.resolve("out").toString(), new Configuration());
    output.write("answer.json", out -> out.write("{\"answer\": 1}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("{\"answer\": 1}", Files.readString(dir.resolve("out/answer.json")));
    IOException failed = assertThrows(IOException.class, () -> output.write("answer.json", out -> {
      out.write("{\"ans".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("disk full", failed.getMessage());
    assertEquals("{\"answer\": 1}", Files.readString(dir.resolve("out/answer.json")), "the old file is left whole");
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void successIsWrittenLastAndARerunRemovesTheOldOneFirst() throws IOException {
    OutputDir first = OutputDir.open(dir.toString(), new Configuration());
    first.write("reel.md", out -> out.write('#'));
    assertFalse(Files.exists(dir.resolve(OutputDir.SUCCESS)));
    first.success();
    assertTrue(Files.exists(dir.resolve(OutputDir.SUCCESS)));
    OutputDir.open(dir.toString(), new Configuration());
    assertFalse(Files.exists(dir.resolve(OutputDir.SUCCESS)), "a rerun that fails must not look complete");
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsNamedUpFront() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    IOException e = assertThrows(IOException.class,
        () -> OutputDir.open(file.resolve("sub").toString(), new Configuration()));
    assertTrue(e.getMessage().startsWith("output: cannot write to "), e.getMessage());
    IOException onFile = assertThrows(IOException.class, () -> OutputDir.open(file.toString(), new Configuration()));
    assertTrue(onFile.getMessage().contains("it is a file"), onFile.getMessage());
  }
}
