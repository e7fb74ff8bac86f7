package dev.reel.cli;

import java.nio.file.Path;

/**
 * JVM-wide settings the native engines read at load time, set once before anything loads them: offline mode (no
 * download, ever), DJL's cache under the job's cache folder, and one PyTorch thread per Spark task (Spark's task
 * slots are the parallelism; a fixed thread count also keeps float sums, and so scores, reproducible).
 * Flags given on the command line (-D...) win.
 */
final class RuntimeSettings {
  private RuntimeSettings() {}

  static void apply(String cacheDir) {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("DJL_CACHE_DIR", Path.of(cacheDir, "djl").toString());
    setIfAbsent("ENGINE_CACHE_DIR", Path.of(cacheDir, "djl").toString());
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
