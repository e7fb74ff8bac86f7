package dev.reel.score.cuda;

import static org.bytedeco.cuda.global.cudart.cuMemAlloc;
import static org.bytedeco.cuda.global.cudart.cuMemFree;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoH;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoHAsync;
import static org.bytedeco.cuda.global.cudart.cuMemcpyHtoD;
import static org.bytedeco.cuda.global.cudart.cuMemcpyHtoDAsync;
import static org.bytedeco.cuda.global.cudart.cuMemsetD32Async;

import org.bytedeco.javacpp.Pointer;

/**
 * A device allocation that grows to the largest size asked of it, for buffers reused batch after batch. Copies are
 * synchronous on the default stream, or queued on a stream from pinned memory. Closing frees it.
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

  /** Queues a copy of {@code bytes} from pinned {@code host} in on {@code stream} (growing first when needed). */
  DeviceArray uploadAsync(PinnedBuffer host, long bytes, CudaStream stream) {
    reserve(bytes);
    if (bytes > 0) {
      Cuda.check(cuMemcpyHtoDAsync(address, host.pointer(), bytes, stream.handle()), "cuMemcpyHtoDAsync(" + name + ")");
    }
    return this;
  }

  /** Queues a copy of its first {@code bytes} out to pinned {@code host} (at least that large) on {@code stream}. */
  void downloadAsync(PinnedBuffer host, long bytes, CudaStream stream) {
    host.reserve(bytes);
    if (bytes > 0) {
      Cuda.check(cuMemcpyDtoHAsync(host.pointer(), address, bytes, stream.handle()), "cuMemcpyDtoHAsync(" + name + ")");
    }
  }

  /** Queues setting its first {@code ints} 32-bit words to zero on {@code stream} (growing first when needed). */
  DeviceArray zeroAsync(long ints, CudaStream stream) {
    reserve(ints * Integer.BYTES);
    if (ints > 0) {
      Cuda.check(cuMemsetD32Async(address, 0, ints, stream.handle()), "cuMemsetD32Async(" + name + ")");
    }
    return this;
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
