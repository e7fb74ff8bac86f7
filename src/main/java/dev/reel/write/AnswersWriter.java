package dev.reel.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import dev.reel.config.QuestionFile;

/**
 * The answers of a batch of questions: answers.jsonl (one line per question: its id, answer.json's fields and the
 * seconds it took), answers.parquet (the flat columns) and question_rejects.json (lines that could not be asked).
 */
public final class AnswersWriter {
  /** Columns of answers.parquet. */
  public static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("question", DataTypes.StringType, false)
      .add("answer", DataTypes.StringType, true)
      .add("passage", DataTypes.StringType, true)
      .add("source", DataTypes.StringType, true)
      .add("position", DataTypes.LongType, true)
      .add("score", DataTypes.DoubleType, true)
      .add("hops", DataTypes.IntegerType, false)
      .add("seconds", DataTypes.DoubleType, false);

  private final OutputDir output;
  private final Lines lines = new Lines();

  public AnswersWriter(OutputDir output) {
    this.output = output;
  }

  /** Adds one question's answer: {@code fields} as answer.json holds them. */
  public void add(String id, Map<String, Object> fields, double seconds) {
    lines.add(id, fields, seconds);
  }

  public void write(SparkSession spark, List<QuestionFile.Rejected> rejected) throws IOException {
    output.writeJsonLines("answers.jsonl", lines.lines.iterator(), Function.identity());
    lines.dataset(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(output.resolve("answers.parquet"));
    output.writeJsonLines("question_rejects.json", rejected.iterator(), reject -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("line", reject.line());
      row.put("text", reject.text());
      row.put("reason", reject.reason());
      return row;
    });
  }

  /** Answers as answers.jsonl's lines, and as answers.parquet's rows. */
  public static final class Lines {
    private final List<Map<String, Object>> lines = new ArrayList<>();

    /** Adds one question's answer: its id, {@code fields} as answer.json holds them, its seconds. */
    public void add(String id, Map<String, Object> fields, double seconds) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", id);
      line.putAll(fields);
      line.put("seconds", Math.round(seconds * 1000) / 1000.0);
      lines.add(line);
    }

    /** One row per answer, in {@link #SCHEMA}'s columns. */
    public Dataset<Row> dataset(SparkSession spark) {
      List<Row> rows = new ArrayList<>(lines.size());
      for (Map<String, Object> line : lines) {
        rows.add(RowFactory.create(line.get("id"), line.get("question"), line.get("answer"),
            line.get("answer_passage"), line.get("answer_source"), asLong(line.get("answer_position")),
            asDouble(line.get("answer_score")), ((List<?>) line.get("hops")).size(), line.get("seconds")));
      }
      return spark.createDataFrame(rows, SCHEMA);
    }
  }

  private static Long asLong(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private static Double asDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
