package dev.reel.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress on long work: every {@code intervalSeconds} while a Spark stage runs, one line with its finished and total
 * tasks, the job description the stage belongs to, and an estimate of the time left from the pace so far.
 */
public final class ProgressLogger extends SparkListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressLogger.class);
  private final long intervalNanos;
  private final Map<Integer, Progress> stages = new ConcurrentHashMap<>();

  private static final class Progress {
    final String name;
    final int tasks;
    final long start = System.nanoTime();
    int done;
    long lastLog = System.nanoTime();

    Progress(String name, int tasks) {
      this.name = name;
      this.tasks = tasks;
    }
  }

  public ProgressLogger(double intervalSeconds) {
    this.intervalNanos = (long) (intervalSeconds * 1e9);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    StageInfo info = submitted.stageInfo();
    String description = submitted.properties() == null ? null
        : submitted.properties().getProperty("spark.job.description");
    stages.put(info.stageId(), new Progress(description != null ? description : info.name(), info.numTasks()));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    Progress progress = stages.get(taskEnd.stageId());
    if (progress == null) {
      return;
    }
    synchronized (progress) {
      progress.done++;
      long now = System.nanoTime();
      if (now - progress.lastLog >= intervalNanos && progress.done < progress.tasks) {
        progress.lastLog = now;
        double elapsed = (now - progress.start) / 1e9;
        double left = elapsed / progress.done * (progress.tasks - progress.done);
        LOG.info("{}: {}/{} tasks, {} s so far, about {} s left", progress.name, progress.done, progress.tasks,
            Math.round(elapsed), Math.round(left));
      }
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    stages.remove(completed.stageInfo().stageId());
  }
}
