package dev.reel.score.cuda;

import static org.bytedeco.cuda.global.cudart.CU_STREAM_NON_BLOCKING;
import static org.bytedeco.cuda.global.cudart.cuStreamCreate;
import static org.bytedeco.cuda.global.cudart.cuStreamDestroy;
import static org.bytedeco.cuda.global.cudart.cuStreamSynchronize;

import org.bytedeco.cuda.cudart.CUstream_st;

/**
 * A stream of its own for one scorer, so that the tasks sharing a GPU overlap their copies and kernels instead of
 * queueing on the default stream. Closing destroys it.
 */
final class CudaStream implements AutoCloseable {
  private final CUstream_st stream = new CUstream_st();

  CudaStream() {
    Cuda.check(cuStreamCreate(stream, CU_STREAM_NON_BLOCKING), "cuStreamCreate");
  }

  CUstream_st handle() {
    return stream;
  }

  /** Waits for everything queued on it. */
  void synchronize() {
    Cuda.check(cuStreamSynchronize(stream), "cuStreamSynchronize");
  }

  @Override
  public void close() {
    Cuda.check(cuStreamDestroy(stream), "cuStreamDestroy");
  }
}
