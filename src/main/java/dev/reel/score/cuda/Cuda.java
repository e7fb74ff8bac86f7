package dev.reel.score.cuda;

import static org.bytedeco.cuda.global.cudart.cuGetErrorString;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/** CUDA driver API results as exceptions naming the call and CUDA's own words. */
final class Cuda {
  private Cuda() {}

  static void check(int result, String call) {
    if (result != 0) {
      throw new IllegalStateException("cuda: " + call + " failed with " + result + " (" + message(result) + ")");
    }
  }

  private static String message(int result) {
    try (PointerPointer<BytePointer> text = new PointerPointer<>(1)) {
      if (cuGetErrorString(result, text) != 0 || text.get(0) == null) {
        return "unknown error";
      }
      return new BytePointer(text.get(0)).getString();
    }
  }
}
