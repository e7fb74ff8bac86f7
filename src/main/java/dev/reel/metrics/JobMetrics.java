package dev.reel.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job's counters and per-stage timings, in the order they are written to metrics.json. Stage wall seconds are
 * driver-observed Spark job times; task seconds are summed over tasks (they exceed wall time when tasks overlap).
 */
public final class JobMetrics {
  private final Map<String, Object> counters = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> stages = new LinkedHashMap<>();

  public void put(String name, Object value) {
    counters.put(name, value);
  }

  /** Records a stage's wall time and, when it handled tokens, its throughput. */
  public void stage(String name, double wallSeconds, long tokens) {
    Map<String, Object> stage = stages.computeIfAbsent(name, k -> new LinkedHashMap<>());
    stage.put("seconds", round(wallSeconds));
    if (tokens > 0 && wallSeconds > 0) {
      stage.put("tokens_per_second", Math.round(tokens / wallSeconds));
    }
  }

  /** Records a stage's memory peaks ({@link MemoryPeaks#stage()}). */
  public void stageMemory(String name, Map<String, Object> memory) {
    stages.computeIfAbsent(name, k -> new LinkedHashMap<>()).put("memory", memory);
  }

  /** Adds task time summed over a stage's tasks. */
  public void stageTaskSeconds(String name, double taskSeconds) {
    stages.computeIfAbsent(name, k -> new LinkedHashMap<>()).put("task_seconds", round(taskSeconds));
  }

  public Map<String, Object> asMap() {
    Map<String, Object> all = new LinkedHashMap<>(counters);
    all.put("stages", stages);
    return all;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
