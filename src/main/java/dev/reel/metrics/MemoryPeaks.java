package dev.reel.metrics;

import java.io.IOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
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
 * Peak memory of this JVM for metrics.json. In local mode the driver and the executors share the JVM, so these
 * peaks bound both. Heap: the sum of each heap pool's peak (an upper bound: pools peak at different moments, and
 * the collector lets garbage pile up to what the heap allows), and the most heap still in use right after a
 * collection (what the job kept: the measure that answers "does memory grow with the corpus").
 * Off-heap: direct buffers now in use (NIO, Arrow's chunk stores report their own peak separately) and the
 * process's peak resident set (VmHWM), which also counts native memory such as PyTorch's and the tokenizer's.
 */
public final class MemoryPeaks {
  private MemoryPeaks() {}

  /** The most heap in use right after any collection since {@link #reset()}: what the JVM had to keep. */
  private static final AtomicLong LIVE_PEAK = new AtomicLong();
  private static final AtomicBoolean LISTENING = new AtomicBoolean();

  /** Starts a fresh peak for the heap pools (the resident-set peak cannot be reset: it covers the process). */
  public static void reset() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    LIVE_PEAK.set(0);
    if (LISTENING.compareAndSet(false, true)) {
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (collector instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(MemoryPeaks::afterCollection, null, null);
        }
      }
    }
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
    LIVE_PEAK.accumulateAndGet(used, Math::max);
  }

  public static Map<String, Object> snapshot() {
    long heapPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        heapPeak += pool.getPeakUsage().getUsed();
      }
    }
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      direct += pool.getMemoryUsed();
    }
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("heap_peak_bytes", heapPeak);
    memory.put("heap_after_gc_peak_bytes", LIVE_PEAK.get());
    memory.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
    memory.put("direct_buffer_bytes", direct);
    memory.put("process_rss_peak_bytes", residentPeak());
    return memory;
  }

  /** VmHWM of /proc/self/status in bytes, or -1 where there is no such file. */
  private static long residentPeak() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
