package dev.reel.score.cuda;

import java.util.Arrays;
import java.util.List;
import dev.reel.chunk.TokenChunk;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionReach;
import dev.reel.score.ChunkScoring;
import dev.reel.score.QuestionDna;
import dev.reel.score.ScoringModel;

/**
 * A batch of chunks laid out for the kernels: chunk c's token i at {@code c * stride + i}; per chunk its length, band
 * half width and reach; per chunk and layout group its shared keys (-1 padded to {@code sharedStride}); per chunk and
 * question the query weights. Groups: one per question when some chunk's layout depends on gravity (alpha > 0), else
 * one. The layout follows the CPU backend's: a dense chunk attends to every key within its reach.
 */
final class Batch {
  final int stride;
  final int groups;
  final int sharedStride;
  final int[] ids;
  final long[] positions;
  final int[] lengths;
  final int[] halves;
  final int[] reaches;
  final int[] shared;
  final float[] weights;
  final ChunkScoring.Inputs[] inputs;

  private Batch(int stride, int groups, int sharedStride, int chunks, int questions) {
    this.stride = stride;
    this.groups = groups;
    this.sharedStride = sharedStride;
    this.ids = new int[chunks * stride];
    this.positions = new long[chunks * stride];
    this.lengths = new int[chunks];
    this.halves = new int[chunks];
    this.reaches = new int[chunks];
    this.shared = new int[chunks * groups * sharedStride];
    this.weights = new float[chunks * questions * stride];
    this.inputs = new ChunkScoring.Inputs[chunks];
  }

  static Batch of(List<TokenChunk> chunks, List<QuestionDna> questions, AlphaShortlist shortlist,
                  float[] squaredNorms) {
    int stride = 1;
    boolean dense = true;
    for (TokenChunk chunk : chunks) {
      stride = Math.max(stride, chunk.length());
      dense &= shortlist.isDense(chunk.length());
    }
    int groups = dense ? 1 : questions.size();
    ChunkScoring.Inputs[] inputs = new ChunkScoring.Inputs[chunks.size()];
    int[][][] keys = new int[chunks.size()][groups][];
    int sharedStride = 0;
    for (int c = 0; c < chunks.size(); c++) {
      inputs[c] = ChunkScoring.inputs(chunks.get(c), questions);
      for (int g = 0; g < groups; g++) {
        keys[c][g] = shortlist.sharedKeys(chunks.get(c).length(), inputs[c].dna()[g].gravity());
        sharedStride = Math.max(sharedStride, keys[c][g].length);
      }
    }
    Batch batch = new Batch(stride, groups, sharedStride, chunks.size(), questions.size());
    for (int c = 0; c < chunks.size(); c++) {
      batch.place(c, chunks.get(c), inputs[c], keys[c], shortlist, squaredNorms);
    }
    return batch;
  }

  private void place(int c, TokenChunk chunk, ChunkScoring.Inputs in, int[][] keys, AlphaShortlist shortlist,
                     float[] squaredNorms) {
    int n = chunk.length();
    inputs[c] = in;
    lengths[c] = n;
    Arrays.fill(ids, c * stride, (c + 1) * stride, -1);
    System.arraycopy(chunk.ids(), 0, ids, c * stride, n);
    System.arraycopy(chunk.positions(), 0, positions, c * stride, n);
    double squared = 0;
    for (int i = 0; i < n; i++) {
      int id = chunk.ids()[i];
      squared = Math.max(squared, id >= 0 && id < squaredNorms.length ? squaredNorms[id] : 0);
    }
    reaches[c] = AttentionReach.of(squared, ScoringModel.ATTENTION_TEMPERATURE, ScoringModel.LOCALITY_TOKENS);
    halves[c] = shortlist.bandHalf(n, reaches[c]);
    for (int g = 0; g < groups; g++) {
      int at = (c * groups + g) * sharedStride;
      Arrays.fill(shared, at, at + sharedStride, -1);
      System.arraycopy(keys[g], 0, shared, at, keys[g].length);
    }
    int questions = in.weights().length;
    for (int q = 0; q < questions; q++) {
      System.arraycopy(in.weights()[q], 0, weights, (c * questions + q) * stride, n);
    }
  }
}
