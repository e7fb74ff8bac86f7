package dev.reel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import dev.reel.ReelException;

/**
 * JVM-wide settings the native engines read at load time, set once before anything loads them: offline mode (no
 * download, ever), DJL's cache under the job's cache folder, and one PyTorch thread per Spark task (Spark's task
 * slots are the parallelism; a fixed thread count also keeps float sums, and so scores, reproducible).
 * Flags given on the command line (-D...) win.
 */
public final class RuntimeSettings {
  private RuntimeSettings() {}

  public static void apply(String cacheDir) {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("DJL_CACHE_DIR", Path.of(cacheDir, "djl").toString());
    setIfAbsent("ENGINE_CACHE_DIR", Path.of(cacheDir, "djl").toString());
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
  }

  /**
   * The job's one Spark session: on the given master, else spark-submit's, else embedded local Spark. The caller
   * closes it.
   */
  public static SparkSession session(String appName, String master) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (master != null) {
      builder.config("spark.master", master);
    } else if (System.getProperty("spark.master") == null) {
      builder.config("spark.master", "local[*]");
    }
    return builder.getOrCreate();
  }

  /** Fails before Spark starts when a local input path (not a glob) does not exist. */
  public static void checkLocalInput(String input) {
    boolean local = !input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || input.startsWith("file:");
    if (local && !input.matches(".*[*?\\[{].*") && !Files.exists(Path.of(input.replaceFirst("^file:", "")))) {
      throw ReelException.inputMissing(input, null);
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
