package dev.reel.config;

/** Validation helpers for the compact constructors: a bad value fails before any Spark work starts. */
final class Checks {
  private Checks() {}

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  static void positive(double value, String flag) {
    require(value > 0, flag + " must be positive; found " + value);
  }

  static void inRange(double value, double low, double high, String flag) {
    require(value >= low && value <= high, flag + " must be in [" + low + ", " + high + "]; found " + value);
  }
}
