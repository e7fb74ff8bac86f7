package dev.reel.bench;

import java.util.Locale;

/** Token counts as benchmarks write them: "4K" is 4,096 tokens, "1M" 1,048,576 (RULER's convention). */
public final class TokenCount {
  private TokenCount() {}

  public static long parse(String label) {
    String upper = label.strip().toUpperCase(Locale.ROOT);
    long unit = upper.endsWith("K") ? 1L << 10 : upper.endsWith("M") ? 1L << 20 : 1;
    String number = unit == 1 ? upper : upper.substring(0, upper.length() - 1);
    try {
      return Math.round(Double.parseDouble(number) * unit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a token count: " + label + " (write 4096, 4K or 1M)");
    }
  }
}
