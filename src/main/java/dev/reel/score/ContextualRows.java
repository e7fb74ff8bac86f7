package dev.reel.score;

import dev.reel.chunk.TokenChunk;
import dev.reel.model.AttentionProjection;
import dev.reel.model.ContextualEncoder;
import dev.reel.model.ContextualSpec;

/**
 * --vectors contextual: the transformer run over the chunk's own tokens, one document's stretch at a time (context
 * never crosses a document boundary inside a chunk, nor a chunk boundary), then each raw row projected into the
 * static table's attention space: centred on the table's mean, unit length, its 64 principal directions, unit
 * length again. Owns its encoder (a predictor over the JVM's shared model) and closes it.
 */
final class ContextualRows implements AttentionRows {
  private final ContextualEncoder encoder;
  private final AttentionProjection projection;
  /** Raw rows of one chunk, reused per chunk. */
  private final float[] raw;

  ContextualRows(ContextualSpec spec, int chunkTokens) {
    this.projection = spec.projection();
    this.raw = new float[chunkTokens * projection.inputDims()];
    this.encoder = ContextualEncoder.open(spec.onnxModel(), spec.clsId(), spec.sepId(), projection.inputDims());
  }

  @Override
  public void fill(TokenChunk chunk, float[] out) {
    int n = chunk.length();
    int[] docs = chunk.docIndex();
    for (int start = 0, end; start < n; start = end) {
      end = start + 1;
      while (end < n && docs[end] == docs[start]) {
        end++;
      }
      encoder.encode(chunk.ids(), start, end - start, raw);
    }
    projection.project(raw, n, out);
  }

  @Override
  public void close() {
    encoder.close();
  }
}
