package dev.reel.score.cuda;

/**
 * A device array and the pinned host buffer it is copied from or to, reused batch after batch; closing frees both.
 */
final class Staged implements AutoCloseable {
  final PinnedBuffer host;
  final DeviceArray device;

  Staged(String name) {
    this.host = new PinnedBuffer(name + " (host)");
    this.device = new DeviceArray(name);
  }

  /** The host side, at least {@code bytes} long, to fill before {@link #upload}. */
  PinnedBuffer host(long bytes) {
    return host.reserve(bytes);
  }

  void upload(long bytes, CudaStream stream) {
    device.uploadAsync(host, bytes, stream);
  }

  void download(long bytes, CudaStream stream) {
    device.downloadAsync(host, bytes, stream);
  }

  long address() {
    return device.address();
  }

  @Override
  public void close() {
    try {
      device.close();
    } finally {
      host.close();
    }
  }
}
