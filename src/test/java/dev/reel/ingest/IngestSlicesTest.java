package dev.reel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ingest tasks take consecutive files by bytes, so a few large files never pile into one task. */
class IngestSlicesTest {
  private static IngestStage.InputListing listing(long... sizes) {
    List<String> files = new ArrayList<>();
    List<Long> bytes = new ArrayList<>();
    for (int f = 0; f < sizes.length; f++) {
      files.add(String.format("f%03d", f));
      bytes.add(sizes[f]);
    }
    return new IngestStage.InputListing(files, bytes, bytes.stream().map(b -> 0L).toList(), 0);
  }

  @Test
  void manySmallFilesThenFewLargeOnesSpreadByBytes() {
    long[] sizes = new long[30];
    java.util.Arrays.fill(sizes, 0, 26, 50_000);
    java.util.Arrays.fill(sizes, 26, 30, IngestStage.SLICE_BYTES);
    List<List<String>> slices = IngestStage.slices(listing(sizes), 4);
    assertEquals(List.of("f026"), slices.get(slices.size() - 4), "each large file is a task of its own");
    assertEquals(List.of("f029"), slices.get(slices.size() - 1));
    assertEquals(30, slices.stream().mapToInt(List::size).sum(), "every file once");
    assertEquals("f000", slices.get(0).get(0), "in name order");
  }

  @Test
  void aSmallInputStillGetsTheMinimumTasks() {
    assertEquals(4, IngestStage.slices(listing(10, 10, 10, 10, 10, 10, 10, 10), 4).size());
    assertEquals(2, IngestStage.slices(listing(10, 10), 4).size(), "no more tasks than files");
  }
}
