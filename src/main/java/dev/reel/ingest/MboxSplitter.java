package dev.reel.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

/**
 * Splits an mbox file into its messages. A message starts at a "From " line at the start of the file or after a
 * blank line (LF or CRLF line ends), that holds a time of day and ends in a year ("From sender@host  Thu Aug 22
 * 12:36:23 2002"); body lines that merely begin with "From " ("From 2019 to 2024 we grew", unescaped by careless
 * writers) do not split a message. Body lines quoted as mboxrd and mboxo writers quote them ("&gt;From ", "&gt;&gt;From ")
 * lose one "&gt;". mime4j's mbox iterator needs a local file; inputs here are bytes from any Hadoop file system.
 */
final class MboxSplitter {
  private static final Pattern SEPARATOR = Pattern.compile("From \\S+\\s.*\\b\\d{1,2}:\\d{2}\\b.*\\d{4}\\s*");
  private static final Pattern QUOTED_FROM = Pattern.compile("(?m)^>(>*From )");

  private MboxSplitter() {}

  static List<byte[]> messages(byte[] mbox) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + 5 <= mbox.length; i++) {
      boolean afterBlank = i == 0 || (mbox[i - 1] == '\n' && (i == 1 || mbox[i - 2] == '\n'
          || (mbox[i - 2] == '\r' && (i == 2 || mbox[i - 3] == '\n'))));
      if (afterBlank && mbox[i] == 'F' && isSeparator(mbox, i)) {
        starts.add(i);
      }
    }
    List<byte[]> messages = new ArrayList<>(starts.size());
    for (int k = 0; k < starts.size(); k++) {
      int from = skipLine(mbox, starts.get(k));
      int to = k + 1 < starts.size() ? starts.get(k + 1) : mbox.length;
      messages.add(unquote(Arrays.copyOfRange(mbox, from, to)));
    }
    return messages;
  }

  /** The message with one level of "&gt;From " quoting removed; the same bytes when it has none. */
  private static byte[] unquote(byte[] message) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    if (!QUOTED_FROM.matcher(text).find()) {
      return message;
    }
    // ISO-8859-1 maps bytes to chars one to one, so any charset's bytes come back unchanged.
    return QUOTED_FROM.matcher(text).replaceAll("$1").getBytes(StandardCharsets.ISO_8859_1);
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
