package dev.reel.score.cpu;

import ai.djl.ndarray.NDManager;
import java.util.List;
import dev.reel.chunk.TokenChunk;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionRows;
import dev.reel.score.ChunkScorer;
import dev.reel.score.ChunkScoring;
import dev.reel.score.ChunkScores;
import dev.reel.score.DnaLookup;
import dev.reel.score.QuestionDna;
import dev.reel.score.RotaryEncoding;
import dev.reel.score.ScoringModel;

/**
 * The CPU backend's scorer: DJL NDArrays on the PyTorch engine (named explicitly). Per chunk and question: the
 * backend-neutral DNA lookup and query weights ({@link ChunkScoring}), then bidirectional attention under the alpha
 * slider with RoPE at original positions over the chunk's attention rows (static or contextual, see
 * {@link AttentionRows}); a token's attention score is what it receives from queries weighted by their own interest
 * (gravity plus relevance). Owns its rows and its PyTorch manager; closing frees both.
 */
public final class TorchChunkScorer implements ChunkScorer {
  private static final String ENGINE = "PyTorch";

  private final ScoringModel model;
  private final RotaryEncoding rope;
  private final TorchShortlistAttention attention;
  private final AttentionRows rows;
  private final NDManager manager;
  /** Reused per chunk rather than allocated for each. */
  private final float[] projected;
  private final float[] rotated;
  private final int attentionDims;

  public TorchChunkScorer(ScoringModel model) {
    this.model = model;
    this.attentionDims = model.attentionVectors().dims();
    this.rope = new RotaryEncoding(attentionDims, model.chunkTokens());
    this.attention = new TorchShortlistAttention(
        new AlphaShortlist(model.options().alpha(), AlphaShortlist.DEFAULT_BASE_KEYS),
        ScoringModel.ATTENTION_TEMPERATURE, ScoringModel.LOCALITY_TOKENS, true);
    this.projected = new float[model.chunkTokens() * attentionDims];
    this.rotated = new float[model.chunkTokens() * attentionDims];
    this.rows = AttentionRows.open(model);
    try {
      this.manager = NDManager.newBaseManager(ENGINE);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  @Override
  public List<ChunkScores> score(TokenChunk chunk, List<QuestionDna> questions) {
    int n = chunk.length();
    int count = questions.size();
    ChunkScoring.Inputs inputs = ChunkScoring.inputs(chunk, questions);
    DnaLookup.Looked[] dna = inputs.dna();
    try (NDManager scope = manager.newSubManager()) {
      // Rows and RoPE do not depend on the question; neither does a dense softmax, so it runs once for all.
      rows.fill(chunk, projected);
      rope.rotate(projected, n, chunk.positions()[0], rotated);
      float[][] received;
      if (attention.isDense(n)) {
        received = attention.received(scope, rotated, n, attentionDims, dna[0].gravity(), inputs.weights());
      } else {
        received = new float[count][];
        for (int q = 0; q < count; q++) {
          received[q] = attention.received(scope, rotated, n, attentionDims, dna[q].gravity(),
              new float[][] {inputs.weights()[q]})[0];
        }
      }
      return ChunkScoring.scores(model.options(), inputs, received);
    }
  }

  @Override
  public void close() {
    try {
      manager.close();
    } finally {
      rows.close();
    }
  }
}
