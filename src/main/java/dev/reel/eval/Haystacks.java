package dev.reel.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Real-text haystacks: every text file of a folder, in natural order of their names (chapter_2 before chapter_10). */
final class Haystacks {
  private Haystacks() {}

  static String concatenate(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt"))
          .sorted(Comparator.comparing(Haystacks::naturalKey)).toList();
    }
    if (files.isEmpty()) {
      throw new IOException("eval: no .txt files under " + folder);
    }
    StringBuilder text = new StringBuilder();
    for (Path file : files) {
      text.append(Files.readString(file, StandardCharsets.UTF_8)).append("\n\n");
    }
    return text.toString();
  }

  /** Zero-pads digit runs so names sort as people read them. */
  private static String naturalKey(Path path) {
    return path.toString().replaceAll("(\\d+)", "0000000000$1").replaceAll("0*(\\d{10})", "$1");
  }
}
