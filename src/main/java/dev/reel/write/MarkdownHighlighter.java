package dev.reel.write;

import java.util.ArrayList;
import java.util.List;
import dev.reel.reason.Evidence;

/** Renders a passage on one Markdown line with its kept tokens in bold. */
final class MarkdownHighlighter {
  private MarkdownHighlighter() {}

  static String highlight(Evidence passage) {
    String text = passage.text();
    List<int[]> ranges = merged(passage.keptRanges(), text.length());
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] range : ranges) {
      out.append(escape(text.substring(at, range[0])));
      out.append("**").append(escape(text.substring(range[0], range[1]))).append("**");
      at = range[1];
    }
    out.append(escape(text.substring(at)));
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  /** Kept ranges clipped to the text, joined when only whitespace separates them. */
  private static List<int[]> merged(List<int[]> kept, int length) {
    List<int[]> ranges = new ArrayList<>();
    for (int[] range : kept) {
      int start = Math.max(0, Math.min(length, range[0]));
      int end = Math.max(start, Math.min(length, range[1]));
      if (!ranges.isEmpty() && start - ranges.get(ranges.size() - 1)[1] <= 1) {
        ranges.get(ranges.size() - 1)[1] = Math.max(end, ranges.get(ranges.size() - 1)[1]);
      } else if (end > start) {
        ranges.add(new int[] {start, end});
      }
    }
    return ranges;
  }

  private static String escape(String text) {
    return text.replace("*", "\\*").replace("_", "\\_").replace("`", "\\`");
  }
}
