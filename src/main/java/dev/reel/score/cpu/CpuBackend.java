package dev.reel.score.cpu;

import java.util.Optional;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionKernel;
import dev.reel.score.ChunkScorer;
import dev.reel.score.ComputeBackend;
import dev.reel.score.ScoringModel;

/** The CPU backend: DJL NDArrays on the PyTorch engine. Always usable. */
public final class CpuBackend implements ComputeBackend {
  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.empty();
  }

  @Override
  public ChunkScorer scorer(ScoringModel model) {
    return new TorchChunkScorer(model);
  }

  @Override
  public AttentionKernel attention(double alpha, long deviceBytes) {
    return new TorchShortlistAttention(new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS),
        ScoringModel.ATTENTION_TEMPERATURE, ScoringModel.LOCALITY_TOKENS, true).owningManager();
  }
}
