package dev.reel.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits an mbox file into its messages at each "From " line that starts a message (mboxo/mboxrd). */
final class MboxSplitter {
  private MboxSplitter() {}

  static List<byte[]> messages(byte[] mbox) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + 5 <= mbox.length; i++) {
      boolean lineStart = i == 0 || mbox[i - 1] == '\n';
      if (lineStart && mbox[i] == 'F' && mbox[i + 1] == 'r' && mbox[i + 2] == 'o' && mbox[i + 3] == 'm'
          && mbox[i + 4] == ' ') {
        starts.add(i);
      }
    }
    List<byte[]> messages = new ArrayList<>(starts.size());
    for (int k = 0; k < starts.size(); k++) {
      int from = skipLine(mbox, starts.get(k));
      int to = k + 1 < starts.size() ? starts.get(k + 1) : mbox.length;
      messages.add(Arrays.copyOfRange(mbox, from, to));
    }
    return messages;
  }

  private static int skipLine(byte[] bytes, int at) {
    while (at < bytes.length && bytes[at] != '\n') {
      at++;
    }
    return Math.min(at + 1, bytes.length);
  }
}
