package dev.reel.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store gives back exactly what it took, in memory or spilled, and leaks nothing (the allocators check). */
class ArrowChunkStoreTest {
  @TempDir
  Path dir;
  private BufferAllocator root;

  @BeforeEach
  void openAllocator() {
    root = new RootAllocator(64L << 20);
  }

  @AfterEach
  void closeAllocatorFailingOnLeaks() {
    root.close();
  }

  @Test
  void emptyStoreHasNoChunks() throws Exception {
    try (ArrowChunkStore store = store(1 << 20)) {
      assertFalse(store.chunks().hasNext());
      assertEquals(0, store.spilledBytes());
    }
  }

  @Test
  void chunksComeBackIdenticalFromMemory() throws Exception {
    assertRoundTrip(1 << 20, false);
  }

  @Test
  void chunksComeBackIdenticalAfterSpilling() throws Exception {
    assertRoundTrip(20_000, true);
  }

  private void assertRoundTrip(long limit, boolean expectSpill) throws Exception {
    List<TokenChunk> chunks = List.of(chunk(0, 512), chunk(1, 512), chunk(2, 512), chunk(3, 100));
    Path spill = dir.resolve("spill/p0.arrow");
    try (ArrowChunkStore store = new ArrowChunkStore(root.newChildAllocator("test", 0, Long.MAX_VALUE), limit, spill,
        512)) {
      for (TokenChunk chunk : chunks) {
        store.add(chunk);
      }
      assertEquals(expectSpill, store.spilledBytes() > 0);
      assertTrue(store.peakMemoryBytes() <= Math.max(limit, 0) + 16_384, "memory limit exceeded");
      List<TokenChunk> back = new ArrayList<>();
      for (Iterator<TokenChunk> it = store.chunks(); it.hasNext(); ) {
        back.add(it.next());
      }
      back.sort((a, b) -> Long.compare(a.id(), b.id()));
      assertEquals(chunks.size(), back.size());
      for (int i = 0; i < chunks.size(); i++) {
        assertEquals(chunks.get(i).id(), back.get(i).id());
        assertArrayEquals(chunks.get(i).positions(), back.get(i).positions());
        assertArrayEquals(chunks.get(i).ids(), back.get(i).ids());
        assertArrayEquals(chunks.get(i).docIndex(), back.get(i).docIndex());
        assertArrayEquals(chunks.get(i).charStart(), back.get(i).charStart());
        assertArrayEquals(chunks.get(i).charEnd(), back.get(i).charEnd());
      }
    }
    assertFalse(Files.exists(spill), "spill file left behind");
  }

  private ArrowChunkStore store(long limit) {
    return new ArrowChunkStore(root.newChildAllocator("test", 0, Long.MAX_VALUE), limit, dir.resolve("s.arrow"), 512);
  }

  private static TokenChunk chunk(long id, int length) {
    TokenChunk chunk = TokenChunk.allocate(id, length);
    for (int i = 0; i < length; i++) {
      chunk.positions()[i] = id * 512 + i;
      chunk.ids()[i] = (int) (id * 7919 + i * 31) % 30522;
      chunk.docIndex()[i] = (int) id;
      chunk.charStart()[i] = i * 5;
      chunk.charEnd()[i] = i * 5 + 4;
    }
    return chunk;
  }
}
