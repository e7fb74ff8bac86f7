package dev.reel.write;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Columns of reel.parquet: one row per kept token. Documented in the README. */
public final class ReelSchema {
  public static final StructType SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("position", DataTypes.LongType, false)
      .add("char_start", DataTypes.IntegerType, false)
      .add("char_end", DataTypes.IntegerType, false)
      .add("token_id", DataTypes.IntegerType, false)
      .add("token", DataTypes.StringType, false)
      .add("score", DataTypes.FloatType, false)
      .add("gravity", DataTypes.FloatType, false)
      .add("attention", DataTypes.FloatType, false)
      .add("relevance", DataTypes.FloatType, false)
      .add("gate", DataTypes.StringType, true);
  /** reel.parquet of a batch of questions: the same columns and the question's id. */
  public static final StructType WITH_QUESTION = SCHEMA.add("question_id", DataTypes.StringType, false);

  private ReelSchema() {}
}
