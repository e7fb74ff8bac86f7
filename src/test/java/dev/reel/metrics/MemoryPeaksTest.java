package dev.reel.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The after-collection peak sees what a stage kept alive, and the job's peak keeps it after the stage ends. */
class MemoryPeaksTest {
  private static final long HELD = 64L << 20;

  private static long stageAfterGc() {
    return (long) MemoryPeaks.stage().get("heap_after_gc_peak_bytes");
  }

  @Test
  void whatAStageKeepsShowsInItsPeakAndTheJobs() throws InterruptedException {
    MemoryPeaks.reset();
    MemoryPeaks.startStage();
    byte[] kept = new byte[(int) HELD];
    kept[kept.length - 1] = 1;
    System.gc();
    // Collection notifications arrive on their own thread.
    for (int wait = 0; wait < 100 && stageAfterGc() < HELD; wait++) {
      Thread.sleep(20);
    }
    assertTrue(stageAfterGc() >= HELD, "stage after-GC peak " + stageAfterGc() + " < " + HELD);
    assertTrue(kept[kept.length - 1] == 1);
    MemoryPeaks.startStage();
    long job = (long) MemoryPeaks.snapshot().get("heap_after_gc_peak_bytes");
    assertTrue(job >= HELD, "the job's peak forgot the earlier stage: " + job);
    assertTrue((long) MemoryPeaks.snapshot().get("heap_peak_bytes") >= HELD);
  }
}
