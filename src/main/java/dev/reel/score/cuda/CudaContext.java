package dev.reel.score.cuda;

import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN;
import static org.bytedeco.cuda.global.cudart.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES;
import static org.bytedeco.cuda.global.cudart.cuCtxSetCurrent;
import static org.bytedeco.cuda.global.cudart.cuCtxSynchronize;
import static org.bytedeco.cuda.global.cudart.cuDeviceGet;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetName;
import static org.bytedeco.cuda.global.cudart.cuDevicePrimaryCtxRetain;
import static org.bytedeco.cuda.global.cudart.cuFuncSetAttribute;
import static org.bytedeco.cuda.global.cudart.cuInit;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcDestroyProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetErrorString;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTX;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTXSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUctx_st;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import dev.reel.score.ScoringModel;

/**
 * One GPU's primary context in this JVM and the kernels compiled for it by NVRTC from {@code attention.cu} (the
 * final pass's attention over one long sequence) and {@code chunk_scoring.cu} (a task's chunks, one fused kernel),
 * made once and kept for the JVM's life (one CUDA context per executor JVM, as tasks come and go). A thread makes it
 * current before using it.
 */
final class CudaContext {
  private static final Map<String, String[]> SOURCES = Map.of(
      "attention.cu", new String[] {"row_stats", "shared_received", "received", "similarities"},
      "chunk_scoring.cu", new String[] {"score_chunks"});
  /**
   * Threads per block of score_chunks, set in chunk_scoring.cu when it is compiled: one per token of a 512-token
   * chunk. Measured on an H200 at 10 M tokens: 256 threads (no register spills, half the warps) ran 23% slower.
   */
  static final int SCORE_THREADS = 512;
  /**
   * Floats from one rotated row to the next in score_chunks (ROW_STRIDE): the row and a pad of four, so a quarter
   * warp's 16-byte reads of consecutive rows fall on distinct shared-memory banks.
   */
  static final int ROW_STRIDE = ScoringModel.ATTENTION_DIMS + 4;
  /** Per-token arrays of four bytes score_chunks keeps in shared memory after the rows (TOKEN_ARRAYS). */
  static final int TOKEN_ARRAYS = 8;
  /** Threads per block; shared_received's reduction is sized for it. */
  static final int THREADS_PER_BLOCK = 128;
  private static final Map<Integer, CudaContext> OPEN = new HashMap<>();

  private final CUctx_st context;
  private final String deviceName;
  private final Map<String, CUfunc_st> functions = new HashMap<>();
  /** The most shared memory a block may ask for (opted in). */
  private final int sharedBytesPerBlock;

  private CudaContext(int ordinal) {
    Cuda.check(cuInit(0), "cuInit");
    int[] device = new int[1];
    Cuda.check(cuDeviceGet(device, ordinal), "cuDeviceGet(" + ordinal + ")");
    context = new CUctx_st();
    Cuda.check(cuDevicePrimaryCtxRetain(context, device[0]), "cuDevicePrimaryCtxRetain");
    Cuda.check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
    byte[] name = new byte[256];
    Cuda.check(cuDeviceGetName(name, name.length, device[0]), "cuDeviceGetName");
    deviceName = new String(name, StandardCharsets.US_ASCII).trim().replace("\0", "");
    int[] major = new int[1];
    int[] minor = new int[1];
    Cuda.check(cuDeviceGetAttribute(major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device[0]), "major");
    Cuda.check(cuDeviceGetAttribute(minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device[0]), "minor");
    String architecture = "compute_" + major[0] + minor[0];
    for (Map.Entry<String, String[]> source : SOURCES.entrySet()) {
      CUmod_st module = new CUmod_st();
      try (BytePointer ptx = compile(source.getKey(), architecture)) {
        Cuda.check(cuModuleLoadData(module, ptx), "cuModuleLoadData(" + source.getKey() + ")");
      }
      for (String kernel : source.getValue()) {
        CUfunc_st function = new CUfunc_st();
        Cuda.check(cuModuleGetFunction(function, module, kernel), "cuModuleGetFunction(" + kernel + ")");
        functions.put(kernel, function);
      }
    }
    int[] optIn = new int[1];
    Cuda.check(cuDeviceGetAttribute(optIn, CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN, device[0]),
        "shared memory per block");
    sharedBytesPerBlock = optIn[0];
  }

  /** The context of GPU {@code ordinal}, made on first use; current on the calling thread when returned. */
  static synchronized CudaContext on(int ordinal) {
    CudaContext open = OPEN.computeIfAbsent(ordinal, CudaContext::new);
    open.makeCurrent();
    return open;
  }

  void makeCurrent() {
    Cuda.check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
  }

  String deviceName() {
    return deviceName;
  }

  /** Launches {@code kernel} over {@code threads} threads (one-dimensional), its arguments in order. */
  void launch(String kernel, long threads, Pointer... arguments) {
    launchBlocks(kernel, (threads + THREADS_PER_BLOCK - 1) / THREADS_PER_BLOCK, arguments);
  }

  /** Launches {@code kernel} as {@code blocks} blocks of {@link #THREADS_PER_BLOCK} threads. */
  void launchBlocks(String kernel, long blocks, Pointer... arguments) {
    launch(kernel, blocks, THREADS_PER_BLOCK, 0, null, arguments);
  }

  /**
   * Launches {@code kernel} as {@code blocks} blocks of {@code threads}, with {@code sharedBytes} of dynamic shared
   * memory, on {@code stream} (null: the default stream); it does not wait.
   */
  void launch(String kernel, long blocks, int threads, int sharedBytes, CudaStream stream, Pointer... arguments) {
    if (blocks == 0) {
      return;
    }
    if (blocks > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("cuda: " + kernel + " as " + blocks + " blocks is too large a launch");
    }
    CUfunc_st function = functions.get(kernel);
    if (function == null) {
      throw new IllegalArgumentException("cuda: no kernel '" + kernel + "' was loaded");
    }
    if (sharedBytes > 0) {
      Cuda.check(cuFuncSetAttribute(function, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, sharedBytes),
          "cuFuncSetAttribute(" + kernel + ", " + sharedBytes + " shared bytes)");
    }
    try (PointerPointer<Pointer> parameters = new PointerPointer<>(arguments)) {
      Cuda.check(cuLaunchKernel(function, (int) blocks, 1, 1, threads, 1, 1, sharedBytes,
          stream == null ? null : stream.handle(), parameters, null), "cuLaunchKernel(" + kernel + ")");
    }
  }

  /** The most dynamic shared memory one block can have on this GPU. */
  int sharedBytesPerBlock() {
    return sharedBytesPerBlock;
  }

  void synchronize() {
    Cuda.check(cuCtxSynchronize(), "cuCtxSynchronize");
  }

  private static String source(String name) {
    try (InputStream in = CudaContext.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("cuda: the kernel source " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PTX for {@code architecture}; NVRTC's log in the exception when it does not compile. */
  private static BytePointer compile(String name, String architecture) {
    _nvrtcProgram program = new _nvrtcProgram();
    checkNvrtc(nvrtcCreateProgram(program, new BytePointer(source(name)), new BytePointer(name), 0,
        (PointerPointer<?>) null, (PointerPointer<?>) null), "nvrtcCreateProgram", null);
    try {
      // RoPE rounds each product itself (__dmul_rn), as the CPU backend does; the dot products may fuse.
      String[] options = {"--gpu-architecture=" + architecture, "--std=c++17",
          "-DATTENTION_DIMS=" + ScoringModel.ATTENTION_DIMS, "-DSCORE_THREADS=" + SCORE_THREADS,
          "-DROW_STRIDE=" + ROW_STRIDE, "-DTOKEN_ARRAYS=" + TOKEN_ARRAYS};
      try (PointerPointer<BytePointer> flags = new PointerPointer<>(options)) {
        checkNvrtc(nvrtcCompileProgram(program, options.length, flags), "nvrtcCompileProgram", program);
      }
      SizeTPointer size = new SizeTPointer(1);
      checkNvrtc(nvrtcGetPTXSize(program, size), "nvrtcGetPTXSize", program);
      BytePointer ptx = new BytePointer(size.get());
      checkNvrtc(nvrtcGetPTX(program, ptx), "nvrtcGetPTX", program);
      return ptx;
    } finally {
      nvrtcDestroyProgram(program);
    }
  }

  private static void checkNvrtc(int result, String call, _nvrtcProgram program) {
    if (result == 0) {
      return;
    }
    String log = "";
    if (program != null) {
      SizeTPointer size = new SizeTPointer(1);
      if (nvrtcGetProgramLogSize(program, size) == 0 && size.get() > 1) {
        BytePointer text = new BytePointer(size.get());
        nvrtcGetProgramLog(program, text);
        log = ":\n" + text.getString();
      }
    }
    throw new IllegalStateException("cuda: " + call + " failed (" + nvrtcGetErrorString(result).getString() + ")"
        + log);
  }
}
