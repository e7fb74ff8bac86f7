package dev.reel.score;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.reel.config.Backend;

/**
 * Chooses the compute backend --backend names among those {@link ServiceLoader} finds. CPU is always there; where
 * CUDA is asked for (or auto would take it) and cannot run, the CPU runs instead and the reason is logged once per
 * JVM and carried in the {@link Chosen} for metrics.json.
 */
public final class ComputeBackends {
  private static final Logger LOG = LoggerFactory.getLogger(ComputeBackends.class);
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
  private static volatile Map<String, ComputeBackend> found;

  private ComputeBackends() {}

  /** The backend that runs, and why it is not the one asked for (null when it is, or when auto found no GPU). */
  public record Chosen(ComputeBackend backend, String fallback) {}

  public static Chosen choose(Backend asked) {
    Map<String, ComputeBackend> backends = found();
    ComputeBackend cpu = backends.get("cpu");
    if (cpu == null) {
      throw new IllegalStateException("score: no cpu compute backend on the classpath (META-INF/services/"
          + ComputeBackend.class.getName() + "); found " + backends.keySet());
    }
    if (asked == Backend.CPU) {
      return new Chosen(cpu, null);
    }
    ComputeBackend cuda = backends.get("cuda");
    String reason = cuda == null ? "no CUDA backend on the classpath" : cuda.unavailableReason().orElse(null);
    if (reason == null) {
      return new Chosen(cuda, null);
    }
    if (asked == Backend.AUTO) {
      Optional<TaskGpu> gpu = TaskGpu.current();
      if (gpu.isEmpty()) {
        if (LOGGED.add("auto: " + reason)) {
          LOG.info("score: backend auto runs on the cpu ({})", reason);
        }
        return new Chosen(cpu, null);
      }
      // Spark gave this task a GPU it cannot use: a misconfigured host, worth saying.
      String fallback = "auto: the task holds GPU " + String.join(",", gpu.get().addresses()) + ", cpu used: " + reason;
      if (LOGGED.add(fallback)) {
        LOG.warn("score: backend {}", fallback);
      }
      return new Chosen(cpu, fallback);
    }
    String fallback = "cuda asked for, cpu used: " + reason;
    if (LOGGED.add(fallback)) {
      LOG.warn("score: backend {}", fallback);
    }
    return new Chosen(cpu, fallback);
  }

  /**
   * Puts {@code backend} in place of the one of its name in this JVM, as DJL's {@code Engine.registerEngine} does:
   * for harnesses that record or replay a backend's work through the real job.
   */
  public static synchronized void register(ComputeBackend backend) {
    Map<String, ComputeBackend> backends = new TreeMap<>(found());
    backends.put(backend.name(), backend);
    found = backends;
  }

  /** Forgets registered backends: the next choice sees only those {@link ServiceLoader} finds. */
  public static synchronized void reset() {
    found = null;
  }

  private static Map<String, ComputeBackend> found() {
    Map<String, ComputeBackend> backends = found;
    if (backends == null) {
      backends = new TreeMap<>();
      for (ComputeBackend backend : ServiceLoader.load(ComputeBackend.class, ComputeBackends.class.getClassLoader())) {
        backends.put(backend.name(), backend);
      }
      found = backends;
    }
    return backends;
  }
}
