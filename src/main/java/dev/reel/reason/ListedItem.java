package dev.reel.reason;

/**
 * One item of a list answer with the passage it came from.
 *
 * @param text    the item
 * @param passage its evidence
 */
public record ListedItem(String text, Evidence passage) {
  /** A list answer's text: its items in order, comma-separated, each on one line. */
  public static String join(java.util.List<ListedItem> items) {
    return String.join(", ", items.stream().map(i -> i.text().replaceAll("\\s+", " ")).toList());
  }
}
