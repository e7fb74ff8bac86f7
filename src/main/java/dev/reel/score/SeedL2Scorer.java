package dev.reel.score;

import dev.reel.chunk.TokenChunk;

/**
 * --rule seed-l2, the original system's rule kept as the baseline we benchmark against: a token's importance is the
 * L2 norm of its raw static embedding (the model's output for {@code [CLS] token [SEP]}, before centring) and
 * nothing else; no attention runs (the attention column is 0). Gravity, gate and relevance are still looked up, so
 * reel.parquet and the caught counts compare with --rule dna; they do not count towards importance. Plain Java,
 * no engine: nothing to free.
 */
public final class SeedL2Scorer implements ChunkScorer {
  private final ScoringModel model;
  private final float[] rawNorms;

  public SeedL2Scorer(ScoringModel model) {
    this.model = model;
    this.rawNorms = model.rawNorms();
  }

  @Override
  public ChunkScores score(TokenChunk chunk) {
    int n = chunk.length();
    DnaLookup.Looked dna = model.dna().lookup(chunk.ids(), n);
    float[] importance = new float[n];
    for (int i = 0; i < n; i++) {
      int id = chunk.ids()[i];
      importance[i] = id >= 0 && id < rawNorms.length ? rawNorms[id] : 0f;
    }
    return new ChunkScores(importance, dna.gravity(), new float[n], dna.relevance(), dna.gate());
  }

  @Override
  public void close() {}
}
