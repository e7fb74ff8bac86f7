package dev.reel.metrics;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What the job survived: task attempts that failed or were killed (Spark ran them again) and executors lost on the
 * way, for metrics.json. Spark's listener bus is asynchronous, so read it after the job's last action.
 */
public final class TaskFailures extends SparkListener {
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong executorsLost = new AtomicLong();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.taskInfo().failed() || taskEnd.taskInfo().killed()) {
      failedAttempts.incrementAndGet();
    }
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    executorsLost.incrementAndGet();
  }

  public long failedAttempts() {
    return failedAttempts.get();
  }

  public long executorsLost() {
    return executorsLost.get();
  }
}
