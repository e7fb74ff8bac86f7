package dev.reel.score.cpu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.reel.chunk.TokenChunk;
import dev.reel.score.ChunkScorer;
import dev.reel.score.ChunkScores;
import dev.reel.score.DnaGates;
import dev.reel.score.RotaryEncoding;
import dev.reel.score.ScoringModel;

/**
 * CPU backend: DJL NDArrays on the PyTorch engine (named explicitly). Per chunk: DNA gravity against every gate,
 * question relevance, then bidirectional attention inside the chunk with RoPE at original positions and a locality
 * bias; a token's attention score is what it receives from queries weighted by their own interest.
 */
public final class TorchChunkScorer implements ChunkScorer {
  private static final String ENGINE = "PyTorch";

  private final ScoringModel model;
  private final RotaryEncoding rope;
  private final NDManager manager;
  private final NDArray tastesT;
  private final NDArray localityBias;
  private final int dims;

  public TorchChunkScorer(ScoringModel model) {
    this.model = model;
    this.dims = model.vectors().dims();
    this.rope = new RotaryEncoding(dims, model.chunkTokens());
    this.manager = NDManager.newBaseManager(ENGINE);
    DnaGates gates = model.gates();
    this.tastesT = gates.count() == 0 ? null
        : manager.create(gates.tastes(), new Shape(gates.count(), dims)).transpose();
    this.localityBias = localityBias(manager, model.chunkTokens());
  }

  /** {@code -|i - j| / LOCALITY_TOKENS}, and minus infinity on the diagonal: no token attends to itself. */
  private static NDArray localityBias(NDManager manager, int c) {
    float[] bias = new float[c * c];
    for (int i = 0; i < c; i++) {
      for (int j = 0; j < c; j++) {
        bias[i * c + j] = i == j ? -1e9f : -Math.abs(i - j) / ScoringModel.LOCALITY_TOKENS;
      }
    }
    return manager.create(bias, new Shape(c, c));
  }

  @Override
  public ChunkScores score(TokenChunk chunk) {
    int n = chunk.length();
    float[] vectors = new float[n * dims];
    model.vectors().gather(chunk.ids(), n, vectors);
    float[] gravity = new float[n];
    float[] relevance = new float[n];
    int[] gate = new int[n];
    try (NDManager scope = manager.newSubManager()) {
      NDArray e = scope.create(vectors, new Shape(n, dims));
      dna(e, gravity, relevance, gate);
      float[] attention = attention(scope, vectors, chunk.positions()[0], n, gravity, relevance);
      float[] importance = new float[n];
      for (int i = 0; i < n; i++) {
        importance[i] = gravity[i] + attention[i] + relevance[i];
      }
      return new ChunkScores(importance, gravity, attention, relevance, gate);
    }
  }

  /** Gravity (strongest clearance over any gate) and relevance (best similarity to a question gate). */
  private void dna(NDArray e, float[] gravity, float[] relevance, int[] gate) {
    java.util.Arrays.fill(gate, -1);
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

  private float[] attention(NDManager scope, float[] vectors, long first, int n, float[] gravity, float[] relevance) {
    NDArray r = scope.create(rope.rotate(vectors, n, first), new Shape(n, dims));
    NDArray bias = n == model.chunkTokens() ? localityBias : localityBias.get(new NDIndex(":{}, :{}", n, n));
    NDArray probabilities = r.matMul(r.transpose()).div(ScoringModel.ATTENTION_TEMPERATURE).add(bias).softmax(1);
    float[] weights = new float[n];
    for (int i = 0; i < n; i++) {
      weights[i] = gravity[i] + relevance[i] + ScoringModel.BASE_QUERY_WEIGHT;
    }
    return scope.create(weights, new Shape(1, n)).matMul(probabilities).toFloatArray();
  }

  @Override
  public void close() {
    manager.close();
  }
}
