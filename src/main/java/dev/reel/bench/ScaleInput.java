package dev.reel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scale bench's input: real files of the corpus folders, in order, until about the tokens asked (from the
 * corpus's measured bytes per token), linked rather than copied; the file at the middle gets a passkey. Sizes are
 * counted in bytes, so no file is decoded but the two rewritten (the middle one and the cut last one).
 */
final class ScaleInput {
  static final String QUESTION = "What is the pass key?";

  private final List<Path> files;
  private final double bytesPerToken;

  ScaleInput(List<Path> folders, double bytesPerToken) throws IOException {
    this.files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> walk = Files.walk(folder)) {
        files.addAll(walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList());
      }
    }
    this.bytesPerToken = bytesPerToken;
  }

  /** About the first {@code maxChars} characters of the corpus, for measuring bytes per token. */
  static String sample(List<Path> folders, int maxChars) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path file : new ScaleInput(folders, 1).files) {
      if (text.length() >= maxChars) {
        break;
      }
      text.append(read(file)).append('\n');
    }
    return text.substring(0, Math.min(maxChars, text.length()));
  }

  /** Lenient UTF-8: the bench measures; the job itself rejects files that are not valid UTF-8. */
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** Writes about {@code tokens} tokens of the corpus under {@code dir}, the passkey {@code key} planted midway. */
  void write(Path dir, long tokens, String key) throws IOException {
    Files.createDirectories(dir);
    long wanted = (long) (tokens * bytesPerToken);
    List<Path> chosen = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    long total = 0;
    for (Path file : files) {
      if (total >= wanted) {
        break;
      }
      chosen.add(file);
      long bytes = Files.size(file);
      sizes.add(bytes);
      total += bytes;
    }
    long seen = 0;
    for (int i = 0; i < chosen.size(); i++) {
      Path target = dir.resolve(String.format("f%06d-%s", i, chosen.get(i).getFileName()));
      boolean last = i == chosen.size() - 1;
      boolean middle = seen <= total / 2 && total / 2 < seen + sizes.get(i);
      if (last || middle) {
        byte[] bytes = Files.readAllBytes(chosen.get(i));
        String text = new String(bytes, 0, (int) Math.min(bytes.length, last ? wanted - seen : bytes.length),
            StandardCharsets.UTF_8);
        if (middle) {
          text = plant(text, (int) (total / 2 - seen), key);
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
      } else {
        link(chosen.get(i), target);
      }
      seen += sizes.get(i);
    }
  }

  private static String plant(String text, int at, String key) {
    int end = text.indexOf(". ", Math.min(at, text.length()));
    int cut = end < 0 ? text.length() : end + 2;
    return text.substring(0, cut) + "The pass key is " + key + ". Remember it. " + key + " is the pass key. "
        + text.substring(cut);
  }

  private static void link(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source.toAbsolutePath());
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, target);
    }
  }
}
