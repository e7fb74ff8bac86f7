package dev.reel.chunk;

import java.io.Serializable;

/** The part of one document that falls into one chunk: consecutive tokens starting at {@code startPosition}. */
record ChunkPiece(long startPosition, int docIndex, int[] ids, int[] charStart, int[] charEnd)
    implements Serializable {}
