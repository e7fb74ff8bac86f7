package dev.reel.score.cuda;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import dev.reel.chunk.TokenChunk;
import dev.reel.score.AlphaShortlist;

/**
 * What score_chunks needs of each chunk besides its token ids, packed into pinned memory: the first position (a
 * chunk's positions are consecutive, so RoPE needs no other), the length, and the shortlist's layout for that length
 * ({dense, half window, wells, anchors}: {@link AlphaShortlist}, computed once per length). The ids go chunk c's at
 * {@code c * stride}, stride the batch's longest chunk.
 */
final class ChunkLayouts {
  private final AlphaShortlist shortlist;
  private final Map<Integer, int[]> byLength = new HashMap<>();

  ChunkLayouts(double alpha) {
    this.shortlist = new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS);
  }

  /** Where a packed batch's parts are: bytes of ids, bytes of chunk information and the offsets of its three parts. */
  record Packed(int stride, long idBytes, long infoBytes, long firstsAt, long lengthsAt, long layoutsAt) {}

  /** Packs {@code chunks}' ids into {@code ids}' host side and the rest into {@code info}'s. */
  Packed pack(List<TokenChunk> chunks, Staged ids, Staged info) {
    int count = chunks.size();
    int stride = 1;
    for (TokenChunk chunk : chunks) {
      stride = Math.max(stride, chunk.length());
    }
    long idBytes = (long) count * stride * Integer.BYTES;
    long lengthsAt = (long) count * Long.BYTES;
    long layoutsAt = lengthsAt + (long) count * Integer.BYTES;
    long infoBytes = layoutsAt + 4L * count * Integer.BYTES;
    IntPointer idsHost = ids.host(idBytes).ints();
    PinnedBuffer infoHost = info.host(infoBytes);
    LongPointer firsts = infoHost.longs();
    IntPointer ints = infoHost.ints();
    int[] lengths = new int[count];
    int[] layouts = new int[4 * count];
    long[] first = new long[count];
    for (int c = 0; c < count; c++) {
      TokenChunk chunk = chunks.get(c);
      int n = chunk.length();
      first[c] = firstPosition(chunk);
      lengths[c] = n;
      System.arraycopy(layout(n), 0, layouts, 4 * c, 4);
      idsHost.position((long) c * stride).put(chunk.ids(), 0, n);
    }
    firsts.put(first);
    ints.position(lengthsAt / Integer.BYTES).put(lengths);
    ints.position(layoutsAt / Integer.BYTES).put(layouts);
    return new Packed(stride, idBytes, infoBytes, 0, lengthsAt, layoutsAt);
  }

  private int[] layout(int n) {
    return byLength.computeIfAbsent(n, length -> new int[] {shortlist.isDense(length) ? 1 : 0,
        shortlist.halfWindow(length), shortlist.wells(length), shortlist.anchors(length)});
  }

  private static long firstPosition(TokenChunk chunk) {
    long[] positions = chunk.positions();
    int n = chunk.length();
    if (n > 0 && positions[n - 1] - positions[0] != n - 1) {
      throw new IllegalArgumentException("cuda: chunk " + chunk.id() + "'s positions are not consecutive");
    }
    return n > 0 ? positions[0] : 0;
  }
}
