package dev.reel.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RotaryEncodingTest {
  private static final int DIMS = 64;

  @Test
  void consecutiveRotationMatchesPerPositionRotation() {
    RotaryEncoding rope = new RotaryEncoding(DIMS, 32);
    float[] rows = random(32, 1);
    long first = 10_000_000_123L;
    long[] positions = new long[32];
    for (int i = 0; i < 32; i++) {
      positions[i] = first + i;
    }
    float[] a = rope.rotate(rows, 32, first);
    float[] b = rope.rotateAt(rows, positions);
    for (int i = 0; i < a.length; i++) {
      assertEquals(b[i], a[i], 1e-5, "element " + i);
    }
  }

  @Test
  void scoresDependOnlyOnPositionDifferenceEvenNearTenMillion() {
    RotaryEncoding rope = new RotaryEncoding(DIMS, 1);
    float[] q = random(1, 2);
    float[] k = random(1, 3);
    double near = dot(rope.rotateAt(q, new long[] {1_000}), rope.rotateAt(k, new long[] {1_037}));
    double far = dot(rope.rotateAt(q, new long[] {10_000_000}), rope.rotateAt(k, new long[] {10_000_037}));
    assertEquals(near, far, 1e-5);
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  private static float[] random(int rows, long seed) {
    Random random = new Random(seed);
    float[] out = new float[rows * DIMS];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) random.nextGaussian();
    }
    return out;
  }
}
