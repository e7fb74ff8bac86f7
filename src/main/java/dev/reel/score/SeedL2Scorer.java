package dev.reel.score;

import java.util.ArrayList;
import java.util.List;
import dev.reel.chunk.TokenChunk;

/**
 * --rule seed-l2, the original system's rule kept as the baseline we benchmark against: a token's importance is the
 * L2 norm of its raw static embedding (the model's output for {@code [CLS] token [SEP]}, before centring) and
 * nothing else; no attention runs (the attention column is 0). Gravity, gate and relevance are still looked up, so
 * reel.parquet and the caught counts compare with --rule dna; they do not count towards importance. Plain Java,
 * no engine: nothing to free.
 */
public final class SeedL2Scorer implements ChunkScorer {
  private final float[] rawNorms;

  public SeedL2Scorer(ScoringModel model) {
    this.rawNorms = model.rawNorms();
  }

  @Override
  public List<ChunkScores> score(TokenChunk chunk, List<QuestionDna> questions) {
    int n = chunk.length();
    float[] importance = new float[n];
    for (int i = 0; i < n; i++) {
      int id = chunk.ids()[i];
      importance[i] = id >= 0 && id < rawNorms.length ? rawNorms[id] : 0f;
    }
    List<ChunkScores> scores = new ArrayList<>(questions.size());
    for (QuestionDna question : questions) {
      DnaLookup.Looked dna = question.dna().lookup(chunk.ids(), n);
      scores.add(new ChunkScores(importance, dna.gravity(), new float[n], dna.relevance(), dna.gate()));
    }
    return scores;
  }

  @Override
  public void close() {}
}
