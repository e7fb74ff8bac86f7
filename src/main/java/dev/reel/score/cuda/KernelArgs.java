package dev.reel.score.cuda;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/** A kernel's arguments as cuLaunchKernel takes them: each a pointer to its value. */
final class KernelArgs {
  private KernelArgs() {}

  static Pointer integer(int value) {
    return new IntPointer(new int[] {value});
  }

  static Pointer real(float value) {
    return new FloatPointer(new float[] {value});
  }

  /** A device pointer argument. */
  static Pointer address(long deviceAddress) {
    return new LongPointer(new long[] {deviceAddress});
  }

  static Pointer[] concat(Pointer[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray(Pointer[]::new);
  }
}
