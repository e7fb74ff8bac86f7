package dev.reel.config;

import java.util.Locale;

/** Which compute backend scores chunks and runs the final pass's attention (--backend). */
public enum Backend {
  /** CUDA where a CUDA backend is present and usable (a GPU, its libraries), else the CPU. */
  AUTO,
  /** DJL's PyTorch engine on the CPU. */
  CPU,
  /** CUDA; where it cannot run, the CPU, said once in the log and in metrics.json. */
  CUDA;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
