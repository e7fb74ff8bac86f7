package dev.reel.score.cuda;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import dev.reel.chunk.TokenChunk;
import dev.reel.score.ChunkPromotion;
import dev.reel.score.DnaLookup;

/**
 * What one run of score_chunks wrote, copied out of the pinned buffers: per block (chunk c, question q at
 * {@code c * questions + q}) how many tokens it promoted and, in {@code budget} slots, their indices, importance and
 * attention received; per question and gate the catch counts; and when asked for, every token's attention received.
 */
final class KernelOutputs {
  private final int stride;
  private final int budget;
  private final int[] counts;
  private final int[] index;
  private final float[] importance;
  private final float[] attention;
  private final int[] caught;
  private final float[] received;

  /** {@code promoted}: the counts, then the index, importance and attention slots; {@code received} may be null. */
  KernelOutputs(int stride, int budget, int blocks, PinnedBuffer promoted, PinnedBuffer caught, int caughtCount,
                PinnedBuffer received) {
    this.stride = stride;
    this.budget = budget;
    int slots = Math.multiplyExact(blocks, budget);
    counts = new int[blocks];
    index = new int[slots];
    importance = new float[slots];
    attention = new float[slots];
    IntPointer ints = promoted.ints();
    ints.get(counts);
    ints.position(blocks).get(index);
    FloatPointer floats = promoted.floats();
    floats.position(blocks + (long) slots).get(importance);
    floats.position(blocks + 2L * slots).get(attention);
    this.caught = new int[caughtCount];
    caught.ints().get(this.caught);
    if (received == null) {
      this.received = null;
    } else {
      this.received = new float[Math.multiplyExact(blocks, stride)];
      received.floats().get(this.received);
    }
  }

  int stride() {
    return stride;
  }

  /** Catch counts, {@code [question][gates]}. */
  int[] caught() {
    return caught;
  }

  /** Every token's attention received, {@code [block][stride]}; null unless asked for. */
  float[] received() {
    return received;
  }

  /** Block {@code block}'s promotion of {@code chunk}, its DNA columns from the question's lookup by token id. */
  ChunkPromotion promotion(TokenChunk chunk, int block, DnaLookup.Looked looked) {
    int count = counts[block];
    int from = block * budget;
    ChunkPromotion promotion = ChunkPromotion.ofSize(count);
    for (int r = 0; r < count; r++) {
      int i = index[from + r];
      int id = chunk.ids()[i];
      boolean known = id >= 0 && id < looked.gate().length;
      promotion.index()[r] = i;
      promotion.importance()[r] = importance[from + r];
      promotion.attention()[r] = attention[from + r];
      promotion.gate()[r] = known ? looked.gate()[id] : -1;
      promotion.gravity()[r] = known ? looked.gravity()[id] : 0;
      promotion.relevance()[r] = known ? looked.relevance()[id] : 0;
    }
    return promotion;
  }
}
