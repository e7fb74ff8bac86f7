package dev.reel.score.cuda;

import static org.bytedeco.cuda.global.cudart.cuMemAllocHost;
import static org.bytedeco.cuda.global.cudart.cuMemFreeHost;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Page-locked host memory that grows to the largest size asked of it: what the GPU copies from and to at full speed,
 * and asynchronously. Closing frees it.
 */
final class PinnedBuffer implements AutoCloseable {
  private final String name;
  private Pointer memory;
  private long bytes;

  PinnedBuffer(String name) {
    this.name = name;
  }

  /** At least {@code needed} bytes; the contents are lost when it grows. */
  PinnedBuffer reserve(long needed) {
    if (needed > bytes) {
      free();
      Pointer allocated = new Pointer();
      Cuda.check(cuMemAllocHost(allocated, Math.max(needed, 8)), "cuMemAllocHost(" + name + ", " + needed + " bytes)");
      memory = allocated;
      bytes = Math.max(needed, 8);
    }
    return this;
  }

  Pointer pointer() {
    return memory;
  }

  IntPointer ints() {
    return new IntPointer(memory).capacity(bytes / Integer.BYTES);
  }

  LongPointer longs() {
    return new LongPointer(memory).capacity(bytes / Long.BYTES);
  }

  FloatPointer floats() {
    return new FloatPointer(memory).capacity(bytes / Float.BYTES);
  }

  BytePointer bytes() {
    return new BytePointer(memory).capacity(bytes);
  }

  private void free() {
    if (memory != null) {
      Cuda.check(cuMemFreeHost(memory), "cuMemFreeHost(" + name + ")");
      memory = null;
      bytes = 0;
    }
  }

  @Override
  public void close() {
    free();
  }
}
