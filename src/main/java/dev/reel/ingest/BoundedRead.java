package dev.reel.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream into memory without ever holding more than a cap (plus one buffer). */
final class BoundedRead {
  private BoundedRead() {}

  /** Returns all bytes of the stream, or null when it holds more than {@code cap} bytes. */
  static byte[] readAtMost(InputStream in, long cap) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > cap) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
