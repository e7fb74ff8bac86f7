package dev.reel.config;

import java.io.Serializable;

/**
 * How the corpus is cut into chunks and where chunks live.
 *
 * @param chunkTokens tokens per chunk (the last chunk of the corpus may be shorter)
 * @param storeBytes  Arrow bytes a partition keeps in memory before it spills chunks to local disk
 * @param partitions  Spark partitions for the chunk stage; 0 picks one from the cluster's parallelism
 */
public record ChunkOptions(int chunkTokens, long storeBytes, int partitions) implements Serializable {
  public ChunkOptions {
    Checks.inRange(chunkTokens, 16, 1 << 16, "--chunk-tokens");
    Checks.require(storeBytes >= 0, "--chunk-store-mb must not be negative; found " + storeBytes);
    Checks.require(partitions >= 0, "--partitions must not be negative; found " + partitions);
  }
}
