package dev.reel.score;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import scala.Option;

/**
 * The GPU Spark gave the running task ({@code spark.task.resource.gpu.amount}): its executor and the addresses of
 * its "gpu" resource, as the discovery script named them.
 */
public record TaskGpu(String executor, List<String> addresses) implements Serializable {
  /** The running task's GPU; empty on the driver, in local mode, or where the task was given none. */
  public static Optional<TaskGpu> current() {
    TaskContext task = TaskContext.get();
    if (task == null) {
      return Optional.empty();
    }
    Option<ResourceInformation> gpu = task.resources().get("gpu");
    if (gpu.isEmpty() || gpu.get().addresses().length == 0) {
      return Optional.empty();
    }
    SparkEnv env = SparkEnv.get();
    return Optional.of(new TaskGpu(env == null ? "driver" : env.executorId(), List.of(gpu.get().addresses())));
  }

  /** The CUDA ordinal of its first address. */
  public int device() {
    try {
      return Integer.parseInt(addresses.get(0).trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("gpu address '" + addresses.get(0) + "' is not a CUDA device ordinal", e);
    }
  }
}
