package dev.reel.chunk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * A partition's chunks as Arrow record batches: in memory up to a byte limit, past it appended to a local Arrow IPC
 * stream file. The store owns a named child allocator; {@link #close()} frees every buffer, deletes the spill file
 * and closes the allocator, which fails loudly if anything leaked.
 */
final class ArrowChunkStore implements AutoCloseable {
  private final BufferAllocator allocator;
  private final long memoryLimit;
  private final Path spillFile;
  private final int chunkTokens;
  private final List<VectorSchemaRoot> inMemory = new ArrayList<>();
  private final List<ArrowStreamReader> openReaders = new ArrayList<>();
  private VectorSchemaRoot spillRoot;
  private OutputStream spillOut;
  private ArrowStreamWriter spillWriter;
  private int spilledChunks;
  private long peakMemory;

  /** The store takes ownership of {@code allocator} and closes it. */
  ArrowChunkStore(BufferAllocator allocator, long memoryLimit, Path spillFile, int chunkTokens) {
    this.allocator = allocator;
    this.memoryLimit = memoryLimit;
    this.spillFile = spillFile;
    this.chunkTokens = chunkTokens;
  }

  void add(TokenChunk chunk) throws IOException {
    if (allocator.getAllocatedMemory() + chunk.byteSize() <= memoryLimit) {
      VectorSchemaRoot root = VectorSchemaRoot.create(ChunkSchema.SCHEMA, allocator);
      ChunkSchema.fill(root, chunk);
      inMemory.add(root);
    } else {
      spill(chunk);
    }
    peakMemory = Math.max(peakMemory, allocator.getAllocatedMemory());
  }

  private void spill(TokenChunk chunk) throws IOException {
    if (spillWriter == null) {
      Files.createDirectories(spillFile.getParent());
      spillRoot = VectorSchemaRoot.create(ChunkSchema.SCHEMA, allocator);
      spillOut = Files.newOutputStream(spillFile);
      spillWriter = new ArrowStreamWriter(spillRoot, null, Channels.newChannel(spillOut));
      spillWriter.start();
    }
    ChunkSchema.fill(spillRoot, chunk);
    spillWriter.writeBatch();
    spillRoot.clear(); // frees the batch's buffers: the spill root holds no memory between chunks
    spilledChunks++;
  }

  int chunkCount() {
    return inMemory.size() + spilledChunks;
  }

  long spilledBytes() throws IOException {
    return spillWriter == null ? 0 : spillWriter.bytesWritten();
  }

  long peakMemoryBytes() {
    return peakMemory;
  }

  /** Iterates every chunk once: the in-memory ones, then the spilled ones read back batch by batch. */
  Iterator<TokenChunk> chunks() throws IOException {
    if (spillWriter != null) {
      spillWriter.end();
      spillWriter.close();
      spillOut.close();
      spillWriter = null;
    }
    return new Iterator<>() {
      private int next;
      private ArrowStreamReader reader;

      @Override
      public boolean hasNext() {
        return next < chunkCount();
      }

      @Override
      public TokenChunk next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int index = next++;
        if (index < inMemory.size()) {
          VectorSchemaRoot root = inMemory.get(index);
          TokenChunk chunk = ChunkSchema.read(root, chunkTokens);
          root.clear(); // scored once: free it now rather than at close
          return chunk;
        }
        try {
          if (reader == null) {
            reader = new ArrowStreamReader(Files.newInputStream(spillFile), allocator);
            openReaders.add(reader);
          }
          if (!reader.loadNextBatch()) {
            throw new IllegalStateException("chunk store: spill file ended early: " + spillFile);
          }
          return ChunkSchema.read(reader.getVectorSchemaRoot(), chunkTokens);
        } catch (IOException e) {
          throw new UncheckedIOException("chunk store: cannot read back " + spillFile, e);
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    try {
      for (ArrowStreamReader reader : openReaders) {
        reader.close();
      }
      if (spillWriter != null) {
        spillWriter.close();
        spillOut.close();
      }
      if (spillRoot != null) {
        spillRoot.close();
      }
      for (VectorSchemaRoot root : inMemory) {
        root.close();
      }
      Files.deleteIfExists(spillFile);
    } finally {
      allocator.close();
    }
  }
}
