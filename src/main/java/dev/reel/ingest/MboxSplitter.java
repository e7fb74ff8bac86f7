package dev.reel.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

/**
 * Splits an mbox file into its messages. A message starts at a "From " line at the start of the file or after a
 * blank line, that ends in a year ("From sender@host  Thu Aug 22 12:36:23 2002"); body lines that merely begin with
 * "From " (unescaped by careless writers) do not split a message.
 */
final class MboxSplitter {
  private static final Pattern SEPARATOR = Pattern.compile("From \\S+ .*\\d{4}\\s*");

  private MboxSplitter() {}

  static List<byte[]> messages(byte[] mbox) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + 5 <= mbox.length; i++) {
      boolean afterBlank = i == 0 || (mbox[i - 1] == '\n' && (i == 1 || mbox[i - 2] == '\n'));
      if (afterBlank && mbox[i] == 'F' && isSeparator(mbox, i)) {
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

  private static boolean isSeparator(byte[] bytes, int at) {
    int end = skipLine(bytes, at);
    String line = new String(bytes, at, end - at, StandardCharsets.ISO_8859_1);
    return SEPARATOR.matcher(line).matches();
  }

  private static int skipLine(byte[] bytes, int at) {
    while (at < bytes.length && bytes[at] != '\n') {
      at++;
    }
    return Math.min(at + 1, bytes.length);
  }
}
