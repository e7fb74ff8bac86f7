package dev.reel.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that tells binary content and bad encodings apart, so each gets its own reject reason. */
final class TextDecoder {
  private static final int SNIFF_BYTES = 8192;
  /** More control characters than this share of the sniffed bytes marks a file as binary. */
  private static final double MAX_CONTROL_SHARE = 0.05;

  private TextDecoder() {}

  /** Thrown with a reason fit for a reject record. */
  static final class UndecodableException extends Exception {
    UndecodableException(String reason) {
      super(reason);
    }
  }

  static String decode(byte[] bytes) throws UndecodableException {
    String binary = binaryReason(bytes);
    if (binary != null) {
      throw new UndecodableException(binary);
    }
    int start = hasUtf8Bom(bytes) ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      CharBuffer chars = decoder.decode(in);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new UndecodableException("invalid UTF-8 near byte " + in.position());
    }
  }

  /** Returns why the bytes look binary, or null when they look like text. */
  static String binaryReason(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return "binary content: NUL byte at offset " + i;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    if (n > 0 && control > n * MAX_CONTROL_SHARE) {
      return "binary content: " + control + " control bytes in the first " + n;
    }
    return null;
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
  }
}
