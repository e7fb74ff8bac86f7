package dev.reel.chunk;

import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** The Arrow schema of a chunk, and the copies between a {@link TokenChunk} and a filled root. */
final class ChunkSchema {
  static final String POSITION = "position";
  static final String TOKEN_ID = "token_id";
  static final String DOC_INDEX = "doc_index";
  static final String CHAR_START = "char_start";
  static final String CHAR_END = "char_end";

  static final Schema SCHEMA = new Schema(List.of(
      Field.notNullable(POSITION, new ArrowType.Int(64, true)),
      int32(TOKEN_ID), int32(DOC_INDEX), int32(CHAR_START), int32(CHAR_END)));

  private ChunkSchema() {}

  private static Field int32(String name) {
    return new Field(name, FieldType.notNullable(new ArrowType.Int(32, true)), null);
  }

  /** Fills {@code root} (already created on SCHEMA) with the chunk's columns. */
  static void fill(VectorSchemaRoot root, TokenChunk chunk) {
    int n = chunk.length();
    BigIntVector positions = (BigIntVector) root.getVector(POSITION);
    positions.allocateNew(n);
    for (int i = 0; i < n; i++) {
      positions.set(i, chunk.positions()[i]);
    }
    fillInts((IntVector) root.getVector(TOKEN_ID), chunk.ids(), n);
    fillInts((IntVector) root.getVector(DOC_INDEX), chunk.docIndex(), n);
    fillInts((IntVector) root.getVector(CHAR_START), chunk.charStart(), n);
    fillInts((IntVector) root.getVector(CHAR_END), chunk.charEnd(), n);
    root.setRowCount(n);
  }

  /** Copies a filled root back into plain arrays for the scorer. */
  static TokenChunk read(VectorSchemaRoot root, int chunkTokens) {
    int n = root.getRowCount();
    BigIntVector positions = (BigIntVector) root.getVector(POSITION);
    TokenChunk chunk = TokenChunk.allocate(positions.get(0) / chunkTokens, n);
    for (int i = 0; i < n; i++) {
      chunk.positions()[i] = positions.get(i);
    }
    readInts((IntVector) root.getVector(TOKEN_ID), chunk.ids(), n);
    readInts((IntVector) root.getVector(DOC_INDEX), chunk.docIndex(), n);
    readInts((IntVector) root.getVector(CHAR_START), chunk.charStart(), n);
    readInts((IntVector) root.getVector(CHAR_END), chunk.charEnd(), n);
    return chunk;
  }

  private static void fillInts(IntVector vector, int[] values, int n) {
    vector.allocateNew(n);
    for (int i = 0; i < n; i++) {
      vector.set(i, values[i]);
    }
  }

  private static void readInts(IntVector vector, int[] values, int n) {
    for (int i = 0; i < n; i++) {
      values[i] = vector.get(i);
    }
  }
}
