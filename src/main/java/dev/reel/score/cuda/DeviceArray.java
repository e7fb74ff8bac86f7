package dev.reel.score.cuda;

import static org.bytedeco.cuda.global.cudart.cuMemAlloc;
import static org.bytedeco.cuda.global.cudart.cuMemFree;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoH;
import static org.bytedeco.cuda.global.cudart.cuMemcpyHtoD;

import org.bytedeco.javacpp.Pointer;

/**
 * A device allocation that grows to the largest size asked of it, for buffers reused batch after batch. Copies are
 * synchronous on the default stream. Closing frees it.
 */
final class DeviceArray implements AutoCloseable {
  private final String name;
  private long address;
  private long bytes;

  DeviceArray(String name) {
    this.name = name;
  }

  /** At least {@code needed} bytes; the contents are lost when it grows. */
  DeviceArray reserve(long needed) {
    if (needed > bytes) {
      free();
      long[] allocated = new long[1];
      Cuda.check(cuMemAlloc(allocated, Math.max(needed, 4)), "cuMemAlloc(" + name + ", " + needed + " bytes)");
      address = allocated[0];
      bytes = Math.max(needed, 4);
    }
    return this;
  }

  /** Copies {@code host}'s {@code count} elements in (growing first when needed). */
  DeviceArray upload(Pointer host, long count) {
    long size = count * host.sizeof();
    reserve(size);
    Cuda.check(cuMemcpyHtoD(address, host, size), "cuMemcpyHtoD(" + name + ")");
    return this;
  }

  /** Copies {@code count} elements of {@code host}'s type out into it. */
  void download(Pointer host, long count) {
    Cuda.check(cuMemcpyDtoH(host, address, count * host.sizeof()), "cuMemcpyDtoH(" + name + ")");
  }

  long address() {
    return address;
  }

  long bytes() {
    return bytes;
  }

  private void free() {
    if (address != 0) {
      Cuda.check(cuMemFree(address), "cuMemFree(" + name + ")");
      address = 0;
      bytes = 0;
    }
  }

  @Override
  public void close() {
    free();
  }
}
