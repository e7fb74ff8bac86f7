package dev.reel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Real text from data-samples/ for haystacks, and helpers to plant sentences in it. */
public final class Corpora {
  public static final Path SAMPLES = Path.of("data-samples");
  public static final Path MOBY_DICK = SAMPLES.resolve("prose/moby-dick");

  private Corpora() {}

  /** Moby Dick's chapters in book order (chapter number), as files. */
  public static List<Path> mobyDickChapters() {
    try (Stream<Path> files = Files.list(MOBY_DICK)) {
      return files.filter(p -> p.getFileName().toString().startsWith("chapter_"))
          .sorted(Comparator.comparingInt(Corpora::chapterNumber))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole of Moby Dick's chapters as one text. */
  public static String mobyDick() {
    StringBuilder text = new StringBuilder();
    for (Path chapter : mobyDickChapters()) {
      text.append(read(chapter)).append("\n\n");
    }
    return text.toString();
  }

  /** Inserts {@code sentence} at the first sentence end at or after {@code depth} of the text (0..1). */
  public static String plant(String haystack, String sentence, double depth) {
    int at = (int) (haystack.length() * depth);
    int end = haystack.indexOf(". ", at);
    int cut = end < 0 ? haystack.length() : end + 2;
    return haystack.substring(0, cut) + sentence + " " + haystack.substring(cut);
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int chapterNumber(Path chapter) {
    String name = chapter.getFileName().toString();
    return Integer.parseInt(name.substring("chapter_".length(), name.length() - ".txt".length()));
  }
}
