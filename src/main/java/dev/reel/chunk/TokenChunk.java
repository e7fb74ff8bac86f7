package dev.reel.chunk;

/**
 * One chunk of consecutive corpus positions, as plain arrays for the scorer. Chunk {@code id} holds positions
 * {@code [id * chunkTokens, id * chunkTokens + length)}; a chunk may span several documents.
 */
public record TokenChunk(long id, int length, long[] positions, int[] ids, int[] docIndex, int[] charStart,
                         int[] charEnd) {

  public static TokenChunk allocate(long id, int length) {
    return new TokenChunk(id, length, new long[length], new int[length], new int[length], new int[length],
        new int[length]);
  }

  /** Arrow bytes this chunk takes in memory: one int64 and four int32 columns. */
  public long byteSize() {
    return (long) length * (Long.BYTES + 4 * Integer.BYTES);
  }
}
