package dev.reel.metrics;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peak memory of this JVM for metrics.json. In local mode the driver and the executors share the JVM, so these
 * peaks bound both. Heap: the sum of each heap pool's peak (an upper bound: pools peak at different moments).
 * Off-heap: direct buffers now in use (NIO, Arrow's chunk stores report their own peak separately) and the
 * process's peak resident set (VmHWM), which also counts native memory such as PyTorch's and the tokenizer's.
 */
public final class MemoryPeaks {
  private MemoryPeaks() {}

  /** Starts a fresh peak for the heap pools (the resident-set peak cannot be reset: it covers the process). */
  public static void reset() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
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
