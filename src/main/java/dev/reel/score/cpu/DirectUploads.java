package dev.reel.score.cpu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Uploads Java float arrays to PyTorch through reusable direct buffers, one per slot. DJL's {@code create(float[])}
 * allocates a fresh direct buffer each call (about 0.5 ms for a 512 x 384 chunk, more than the maths); from a
 * filled direct buffer it takes about 25 us. PyTorch then reads the buffer's memory in place, so a slot must not be
 * refilled while an array uploaded through it is still in use: give each live array its own slot. Not thread-safe:
 * one per scorer, as one scorer per task.
 */
final class DirectUploads {
  private final ByteBuffer[] slots;

  DirectUploads(int slots) {
    this.slots = new ByteBuffer[slots];
  }

  NDArray upload(NDManager scope, int slot, float[] data, int offset, int length, Shape shape) {
    ByteBuffer buffer = slots[slot];
    if (buffer == null || buffer.capacity() < length * Float.BYTES) {
      buffer = ByteBuffer.allocateDirect(Math.max(length, 1024) * Float.BYTES).order(ByteOrder.nativeOrder());
      slots[slot] = buffer;
    }
    buffer.clear();
    buffer.asFloatBuffer().put(data, offset, length);
    buffer.limit(length * Float.BYTES);
    return scope.create(buffer, shape, DataType.FLOAT32);
  }

  NDArray upload(NDManager scope, int slot, float[] data, Shape shape) {
    return upload(scope, slot, data, 0, (int) shape.size(), shape);
  }
}
