package dev.reel.testing;

/** The model cache the tests share with jobs/reel (the derived token-vector table is built once per machine). */
public final class ModelCache {
  private ModelCache() {}

  public static String dir() {
    return System.getProperty("user.home") + "/.cache/highlight-reel";
  }
}
