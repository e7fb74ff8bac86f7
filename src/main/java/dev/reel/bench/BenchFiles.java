package dev.reel.bench;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/** Java serialization to and from files, for what the GPU bundle carries both ways. */
final class BenchFiles {
  private BenchFiles() {}

  static void write(Path file, Serializable value) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeObject(value);
    }
  }

  static <T> T read(Path file, Class<T> type) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      return type.cast(in.readObject());
    } catch (ClassNotFoundException e) {
      throw new IOException(file + " holds a class this build does not have: " + e.getMessage(), e);
    }
  }
}
