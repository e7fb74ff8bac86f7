package dev.reel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  @Test
  void emptyInputDecodesToEmptyText() throws Exception {
    assertEquals("", TextDecoder.decode(new byte[0]));
  }

  @Test
  void utf8WithBomDecodesWithoutTheBom() throws Exception {
    byte[] bytes = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9};
    assertEquals("café", TextDecoder.decode(bytes));
  }

  @Test
  void invalidUtf8NamesTheOffset() {
    byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
    byte[] bad = {bytes[0], bytes[1], (byte) 0xe9, bytes[2]};
    TextDecoder.UndecodableException e = assertThrows(TextDecoder.UndecodableException.class,
        () -> TextDecoder.decode(bad));
    assertTrue(e.getMessage().startsWith("invalid UTF-8 near byte 2"), e.getMessage());
  }

  @Test
  void nulByteMeansBinary() {
    assertTrue(TextDecoder.binaryReason(new byte[] {'a', 0, 'b'}).contains("NUL byte at offset 1"));
  }

  @Test
  void manyControlBytesMeanBinary() {
    byte[] bytes = new byte[100];
    java.util.Arrays.fill(bytes, (byte) 0x01);
    assertTrue(TextDecoder.binaryReason(bytes).contains("control bytes"));
  }
}
