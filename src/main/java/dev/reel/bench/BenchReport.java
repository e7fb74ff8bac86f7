package dev.reel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/** The header every results file carries: what, when, on which machine and commit, by which command. */
public final class BenchReport {
  private BenchReport() {}

  public static String header(String title, String command) {
    return "# " + title + "\n\n"
        + "- Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
        + "- Machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max heap, Java " + System.getProperty("java.version")
        + ", " + System.getProperty("os.name") + "\n"
        + "- Commit: " + commit() + "\n"
        + "- Command: `" + command + "`\n\n";
  }

  public static void write(Path out, String markdown) throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    System.out.println("written to " + out);
  }

  /** Option values as a command line writes them: "0.1,0.5,0.9". */
  public static String join(double[] values) {
    return String.join(",", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%s", v)).toList());
  }

  public static String join(int[] values) {
    return String.join(",", Arrays.stream(values).mapToObj(Integer::toString).toList());
  }

  /** The CPU model line of /proc/cpuinfo. */
  public static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  /**
   * The short commit id, marked when tracked files have uncommitted changes; the reports and rows under jobs/results
   * do not count (a run writing its own results does not change what it measured).
   */
  public static String commit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      try (InputStream in = git.getInputStream()) {
        String head = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        Process dirty = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no", "--", ":/",
            ":(top,exclude)jobs/results").start();
        boolean changed = dirty.getInputStream().readAllBytes().length > 0;
        return git.waitFor() == 0 ? head + (changed ? " (with uncommitted changes)" : "") : "unknown";
      }
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }
}
