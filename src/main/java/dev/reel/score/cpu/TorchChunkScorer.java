package dev.reel.score.cpu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import dev.reel.chunk.TokenChunk;
import dev.reel.config.ImportancePart;
import dev.reel.config.ScoreOptions;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionResult;
import dev.reel.score.ChunkScorer;
import dev.reel.score.ChunkScores;
import dev.reel.score.DnaGates;
import dev.reel.score.RotaryEncoding;
import dev.reel.score.ScoringModel;

/**
 * CPU backend: DJL NDArrays on the PyTorch engine (named explicitly). Per chunk: DNA gravity against every gate,
 * question relevance, then bidirectional attention under the alpha slider with RoPE at original positions; a token's
 * attention score is what it receives from queries weighted by their own interest (gravity plus relevance).
 */
public final class TorchChunkScorer implements ChunkScorer {
  private static final String ENGINE = "PyTorch";

  private final ScoringModel model;
  private final RotaryEncoding rope;
  private final TorchShortlistAttention attention;
  private final NDManager manager;
  private final DirectUploads uploads = new DirectUploads(1);
  /** Reused per chunk: at 512 x 384 floats a fresh array per chunk is a humongous allocation for G1. */
  private final float[] vectors;
  private final float[] projected;
  private final float[] rotated;
  private final NDArray tastesT;
  private final int dims;
  private final int attentionDims;

  public TorchChunkScorer(ScoringModel model) {
    this.model = model;
    this.dims = model.vectors().dims();
    this.attentionDims = model.attentionVectors().dims();
    this.rope = new RotaryEncoding(attentionDims, model.chunkTokens());
    this.attention = new TorchShortlistAttention(
        new AlphaShortlist(model.options().alpha(), AlphaShortlist.DEFAULT_BASE_KEYS),
        ScoringModel.ATTENTION_TEMPERATURE, ScoringModel.LOCALITY_TOKENS, true);
    this.vectors = new float[model.chunkTokens() * dims];
    this.projected = new float[model.chunkTokens() * attentionDims];
    this.rotated = new float[model.chunkTokens() * attentionDims];
    this.manager = NDManager.newBaseManager(ENGINE);
    DnaGates gates = model.gates();
    this.tastesT = gates.count() == 0 ? null
        : manager.create(gates.tastes(), new Shape(gates.count(), dims)).transpose();
  }

  @Override
  public ChunkScores score(TokenChunk chunk) {
    int n = chunk.length();
    model.vectors().gather(chunk.ids(), n, vectors);
    float[] gravity = new float[n];
    float[] relevance = new float[n];
    int[] gate = new int[n];
    try (NDManager scope = manager.newSubManager()) {
      dna(uploads.upload(scope, 0, vectors, 0, n * dims, new Shape(n, dims)), gravity, relevance, gate);
      float[] weights = new float[n];
      for (int i = 0; i < n; i++) {
        weights[i] = gravity[i] + relevance[i] + ScoringModel.BASE_QUERY_WEIGHT;
      }
      model.attentionVectors().gather(chunk.ids(), n, projected);
      rope.rotate(projected, n, chunk.positions()[0], rotated);
      AttentionResult attended = attention.attend(scope, rotated, null, n, attentionDims, gravity, weights);
      return new ChunkScores(importance(gravity, attended.received(), relevance), gravity, attended.received(),
          relevance, gate);
    }
  }

  private float[] importance(float[] gravity, float[] received, float[] relevance) {
    ScoreOptions options = model.options();
    float[] importance = new float[gravity.length];
    for (int i = 0; i < importance.length; i++) {
      importance[i] = (options.uses(ImportancePart.GRAVITY) ? gravity[i] : 0)
          + (options.uses(ImportancePart.ATTENTION) ? received[i] : 0)
          + (options.uses(ImportancePart.RELEVANCE) ? relevance[i] : 0);
    }
    return importance;
  }

  /** Gravity (strongest weighted clearance over any gate) and relevance (best similarity to a question token). */
  private void dna(NDArray e, float[] gravity, float[] relevance, int[] gate) {
    Arrays.fill(gate, -1);
    if (tastesT == null) {
      return;
    }
    DnaGates gates = model.gates();
    int g = gates.count();
    float[] questionWeights = model.question().weights();
    int firstQuestionGate = g - questionWeights.length;
    float[] sims = e.matMul(tastesT).toFloatArray();
    for (int i = 0; i < gravity.length; i++) {
      for (int k = 0; k < g; k++) {
        float sim = sims[i * g + k];
        float threshold = gates.threshold(k);
        if (sim > threshold) {
          float pull = gates.strength(k) * (sim - threshold) / (1 - threshold);
          if (pull > gravity[i]) {
            gravity[i] = pull;
            gate[i] = k;
          }
        }
        if (k >= firstQuestionGate) {
          float s = Math.max(0, sim);
          relevance[i] = Math.max(relevance[i], questionWeights[k - firstQuestionGate] * s * s * s);
        }
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
