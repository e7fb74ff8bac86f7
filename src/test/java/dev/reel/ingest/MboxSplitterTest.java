package dev.reel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxSplitterTest {
  @Test
  void noFromLineMeansNoMessages() {
    assertEquals(0, MboxSplitter.messages("Subject: x\n\nbody\n".getBytes(StandardCharsets.US_ASCII)).size());
  }

  @Test
  void splitsAtFromLinesAndDropsThem() {
    String mbox = "From a@x Mon Jan 1 00:00:00 2024\nSubject: one\n\nFrom here on, a body line.\n\n"
        + "From b@x Tue Jan 2 00:00:00 2024\nSubject: two\n\nbody\n";
    List<byte[]> messages = MboxSplitter.messages(mbox.getBytes(StandardCharsets.US_ASCII));
    assertEquals(2, messages.size());
    assertEquals("Subject: one\n\nFrom here on, a body line.\n\n", new String(messages.get(0), StandardCharsets.US_ASCII));
    assertEquals("Subject: two\n\nbody\n", new String(messages.get(1), StandardCharsets.US_ASCII));
  }

  @Test
  void crlfLineEndsSplitAsLfOnesDo() {
    String mbox = "From a@x Mon Jan 1 00:00:00 2024\r\nSubject: one\r\n\r\nbody one\r\n\r\n"
        + "From b@x Tue Jan 2 00:00:00 2024\r\nSubject: two\r\n\r\nbody two\r\n";
    List<byte[]> messages = MboxSplitter.messages(mbox.getBytes(StandardCharsets.US_ASCII));
    assertEquals(2, messages.size());
    assertEquals("Subject: two\r\n\r\nbody two\r\n", new String(messages.get(1), StandardCharsets.US_ASCII));
  }

  @Test
  void aBodyParagraphOpeningWithFromAndAYearStaysInItsMessage() {
    String mbox = "From a@x Mon Jan 1 00:00:00 2024\nSubject: one\n\nWe grew.\n\nFrom 2019 to 2024\nwe grew more.\n";
    List<byte[]> messages = MboxSplitter.messages(mbox.getBytes(StandardCharsets.US_ASCII));
    assertEquals(1, messages.size());
    assertEquals("Subject: one\n\nWe grew.\n\nFrom 2019 to 2024\nwe grew more.\n",
        new String(messages.get(0), StandardCharsets.US_ASCII));
  }

  @Test
  void quotedFromLinesLoseOneQuote() {
    String mbox = "From a@x Mon Jan 1 00:00:00 2024\nSubject: one\n\n>From the start.\n>>From a reply.\n";
    List<byte[]> messages = MboxSplitter.messages(mbox.getBytes(StandardCharsets.UTF_8));
    assertEquals("Subject: one\n\nFrom the start.\n>From a reply.\n", new String(messages.get(0), StandardCharsets.UTF_8));
  }
}
