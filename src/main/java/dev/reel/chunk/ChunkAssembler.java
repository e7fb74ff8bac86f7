package dev.reel.chunk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import scala.Tuple2;

/** Turns a partition's pieces, sorted by position, into whole chunks. */
final class ChunkAssembler implements Iterator<TokenChunk> {
  private final Iterator<Tuple2<Long, ChunkPiece>> pieces;
  private final int chunkTokens;
  private final long totalTokens;
  private ChunkPiece pending;

  ChunkAssembler(Iterator<Tuple2<Long, ChunkPiece>> pieces, int chunkTokens, long totalTokens) {
    this.pieces = pieces;
    this.chunkTokens = chunkTokens;
    this.totalTokens = totalTokens;
  }

  @Override
  public boolean hasNext() {
    return pending != null || pieces.hasNext();
  }

  @Override
  public TokenChunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ChunkPiece first = pending != null ? pending : pieces.next()._2();
    pending = null;
    long id = first.startPosition() / chunkTokens;
    long chunkStart = id * chunkTokens;
    int length = (int) Math.min(chunkTokens, totalTokens - chunkStart);
    TokenChunk chunk = TokenChunk.allocate(id, length);
    int filled = copy(first, chunk, chunkStart);
    while (pieces.hasNext()) {
      ChunkPiece piece = pieces.next()._2();
      if (piece.startPosition() / chunkTokens != id) {
        pending = piece;
        break;
      }
      filled += copy(piece, chunk, chunkStart);
    }
    if (filled != length) {
      throw new IllegalStateException("chunk " + id + ": expected " + length + " tokens, assembled " + filled);
    }
    return chunk;
  }

  private static int copy(ChunkPiece piece, TokenChunk chunk, long chunkStart) {
    int at = (int) (piece.startPosition() - chunkStart);
    int n = piece.ids().length;
    System.arraycopy(piece.ids(), 0, chunk.ids(), at, n);
    System.arraycopy(piece.charStart(), 0, chunk.charStart(), at, n);
    System.arraycopy(piece.charEnd(), 0, chunk.charEnd(), at, n);
    for (int i = 0; i < n; i++) {
      chunk.positions()[at + i] = piece.startPosition() + i;
      chunk.docIndex()[at + i] = piece.docIndex();
    }
    return n;
  }
}
