package dev.reel.metrics;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * What a job watches while it runs, from start to close: progress in the log, task attempts Spark ran again and
 * executors lost, documents tokenized, memory peaks; {@link #finish} writes the job-wide counters.
 */
public final class JobWatch implements AutoCloseable {
  /** Long stages log their progress this often. */
  private static final double PROGRESS_SECONDS = 10;

  private final SparkContext spark;
  private final long start = System.nanoTime();
  private final ProgressLogger progress = new ProgressLogger(PROGRESS_SECONDS);
  private final TaskFailures failures = new TaskFailures();
  private final LongAccumulator tokenized;

  private JobWatch(SparkContext spark) {
    this.spark = spark;
    this.tokenized = spark.longAccumulator("documents tokenized");
    MemoryPeaks.reset();
    spark.addSparkListener(progress);
    spark.addSparkListener(failures);
  }

  public static JobWatch start(SparkContext spark) {
    return new JobWatch(spark);
  }

  /** Counts documents tokenized over the whole job: documents_processed when nothing tokenized the corpus twice. */
  public LongAccumulator tokenized() {
    return tokenized;
  }

  /** Puts the job's seconds, retries, lost executors, throughput and memory peaks; returns the seconds. */
  public double finish(JobMetrics metrics, long tokens) {
    double seconds = (System.nanoTime() - start) / 1e9;
    metrics.put("seconds", Math.round(seconds * 1000) / 1000.0);
    // Read at the end: a later stage that recomputed tokens would have counted its documents again.
    metrics.put("documents_tokenized", tokenized.value());
    metrics.put("task_attempts_failed", failures.failedAttempts());
    metrics.put("executors_lost", failures.executorsLost());
    metrics.put("tokens_per_second", Math.round(tokens / seconds));
    metrics.put("memory", MemoryPeaks.snapshot());
    return seconds;
  }

  @Override
  public void close() {
    spark.removeSparkListener(progress);
    spark.removeSparkListener(failures);
  }
}
