package dev.reel.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Times one stage, takes its memory peaks, and logs one INFO line when it starts and one when it ends. */
public final class StageClock {
  private static final Logger LOG = LoggerFactory.getLogger(StageClock.class);
  private final String stage;
  private final long start;

  private StageClock(String stage) {
    this.stage = stage;
    this.start = System.nanoTime();
  }

  public static StageClock start(String stage, String what) {
    LOG.info("{}: started ({})", stage, what);
    MemoryPeaks.startStage();
    return new StageClock(stage);
  }

  /** Ends the stage, logs rows, seconds and tokens/s, and records them in {@code metrics}. */
  public double stop(JobMetrics metrics, long tokens, String result) {
    double seconds = (System.nanoTime() - start) / 1e9;
    metrics.stage(stage, seconds, tokens);
    metrics.stageMemory(stage, MemoryPeaks.stage());
    if (tokens > 0) {
      LOG.info("{}: done in {} s, {} tokens/s ({})", stage, String.format("%.2f", seconds),
          Math.round(tokens / Math.max(seconds, 1e-9)), result);
    } else {
      LOG.info("{}: done in {} s ({})", stage, String.format("%.2f", seconds), result);
    }
    return seconds;
  }
}
