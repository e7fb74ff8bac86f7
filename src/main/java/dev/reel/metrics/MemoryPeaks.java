package dev.reel.metrics;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak memory of this JVM for metrics.json, for the whole job and for each stage. In local mode the driver and the
 * executors share the JVM, so these peaks bound both. Heap: the sum of each heap pool's peak (an upper bound: pools
 * peak at different moments, and the collector lets garbage pile up to what the heap allows), and the most heap
 * still in use right after a collection (what the job kept: the measure that answers "does memory grow with the
 * corpus"). Off-heap: direct buffers now in use (NIO; Arrow's chunk stores report their own peak separately) and the
 * process's resident set, at its peak (VmHWM) for the job and as it stands (VmRSS) at the end of a stage; it also
 * counts native memory such as PyTorch's and the tokenizer's.
 */
public final class MemoryPeaks {
  private static final AtomicLong JOB_AFTER_GC = new AtomicLong();
  private static final AtomicLong STAGE_AFTER_GC = new AtomicLong();
  private static final AtomicLong JOB_HEAP = new AtomicLong();
  private static final AtomicBoolean LISTENING = new AtomicBoolean();

  private MemoryPeaks() {}

  /** Starts the job's window (the resident-set peak cannot be reset: it covers the process). */
  public static void reset() {
    resetPools();
    JOB_AFTER_GC.set(0);
    STAGE_AFTER_GC.set(0);
    JOB_HEAP.set(0);
    if (LISTENING.compareAndSet(false, true)) {
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (collector instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(MemoryPeaks::afterCollection, null, null);
        }
      }
    }
  }

  /** Starts a stage's window; the job's peaks keep what earlier stages reached. */
  public static void startStage() {
    JOB_HEAP.accumulateAndGet(poolPeaks(), Math::max);
    resetPools();
    STAGE_AFTER_GC.set(0);
  }

  /** The peaks since the stage started. */
  public static Map<String, Object> stage() {
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("heap_peak_bytes", poolPeaks());
    memory.put("heap_after_gc_peak_bytes", STAGE_AFTER_GC.get());
    memory.put("direct_buffer_bytes", directBytes());
    memory.put("process_rss_bytes", status("VmRSS:"));
    return memory;
  }

  /** The peaks since {@link #reset()}. */
  public static Map<String, Object> snapshot() {
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("heap_peak_bytes", Math.max(JOB_HEAP.get(), poolPeaks()));
    memory.put("heap_after_gc_peak_bytes", JOB_AFTER_GC.get());
    memory.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
    memory.put("direct_buffer_bytes", directBytes());
    memory.put("process_rss_peak_bytes", status("VmHWM:"));
    return memory;
  }

  private static void afterCollection(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage after = info.getMemoryUsageAfterGc().get(pool.getName());
      if (pool.getType() == MemoryType.HEAP && after != null) {
        used += after.getUsed();
      }
    }
    JOB_AFTER_GC.accumulateAndGet(used, Math::max);
    STAGE_AFTER_GC.accumulateAndGet(used, Math::max);
  }

  private static void resetPools() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long poolPeaks() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static long directBytes() {
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      direct += pool.getMemoryUsed();
    }
    return direct;
  }

  /** A size line of /proc/self/status ("VmHWM:", "VmRSS:") in bytes, or -1 where there is no such file. */
  private static long status(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
