package dev.reel.chunk;

import org.apache.spark.Partitioner;

/**
 * Sends whole chunks to partitions in contiguous ranges. Keys are global token positions; a chunk is
 * {@code position / chunkTokens}, so where a chunk lands never depends on how documents were partitioned.
 */
final class ChunkPartitioner extends Partitioner {
  private final int partitions;
  private final long chunks;
  private final int chunkTokens;

  ChunkPartitioner(int partitions, long chunks, int chunkTokens) {
    this.partitions = partitions;
    this.chunks = Math.max(1, chunks);
    this.chunkTokens = chunkTokens;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    long chunk = (Long) key / chunkTokens;
    return (int) Math.min(partitions - 1, chunk * partitions / chunks);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChunkPartitioner that && that.partitions == partitions && that.chunks == chunks
        && that.chunkTokens == chunkTokens;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(partitions, chunks, chunkTokens);
  }
}
