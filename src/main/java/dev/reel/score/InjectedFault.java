package dev.reel.score;

import org.apache.spark.TaskContext;

/**
 * A test hook for Spark's task retries: when the job's thread set the local property {@link #PROPERTY} to a stage
 * name, the first attempt of that stage's partition 0 fails, so the retry path runs for real. Never set by the job.
 */
public final class InjectedFault {
  /** Spark local property naming the stage whose first attempt of partition 0 fails. */
  public static final String PROPERTY = "reel.test.fail-first-attempt";

  private InjectedFault() {}

  static void maybeFail(String stage) {
    TaskContext task = TaskContext.get();
    if (task != null && stage.equals(task.getLocalProperty(PROPERTY)) && task.partitionId() == 0
        && task.attemptNumber() == 0) {
      throw new IllegalStateException("injected fault: the first attempt of " + stage + " partition 0 fails");
    }
  }
}
