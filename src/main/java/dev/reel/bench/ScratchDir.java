package dev.reel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/** A temporary directory for a benchmark's or an eval's job runs, removed with what is in it when the JVM exits. */
public final class ScratchDir {
  private ScratchDir() {}

  public static Path create(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(dir.toFile())));
    return dir;
  }
}
