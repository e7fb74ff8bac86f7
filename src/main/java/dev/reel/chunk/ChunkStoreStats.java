package dev.reel.chunk;

import java.io.Serializable;

/**
 * What one partition's chunk store did.
 *
 * @param chunks      chunks stored
 * @param tokens      tokens in them
 * @param spillBytes  Arrow IPC bytes written to local disk
 * @param peakBytes   most Arrow memory held at once
 * @param buildNanos  time spent assembling and storing chunks
 */
public record ChunkStoreStats(long chunks, long tokens, long spillBytes, long peakBytes, long buildNanos)
    implements Serializable {}
