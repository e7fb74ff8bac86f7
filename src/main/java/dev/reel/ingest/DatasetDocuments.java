package dev.reel.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Documents handed over as a {@code Dataset<Row>} (the pipeline API) rather than read from files: a column {@code id}
 * and a column {@code text}, each cast to a string. A row without an id or with blank text is a reject with its
 * reason, as a bad file is.
 */
public final class DatasetDocuments {
  /** Columns of the rejects, as rejects.json names them. */
  public static final StructType REJECTS = new StructType()
      .add("source", DataTypes.StringType, true)
      .add("doc_id", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, false);

  private DatasetDocuments() {}

  /**
   * One record per row. The id is the document's source and id; documents go in id order, and documents sharing an
   * id in the order of a hash of their text, so the corpus does not depend on the Dataset's partitioning.
   */
  public static JavaRDD<IngestRecord> records(Dataset<Row> documents) {
    List<String> columns = Arrays.asList(documents.columns());
    if (!columns.contains("id") || !columns.contains("text")) {
      throw new IllegalArgumentException("ingest: a Dataset of documents needs the columns id and text; found "
          + columns);
    }
    return documents.select(functions.col("id").cast(DataTypes.StringType),
        functions.col("text").cast(DataTypes.StringType)).javaRDD().map(row -> {
          String id = row.getString(0);
          String text = row.getString(1);
          if (id == null) {
            return IngestRecord.reject("(no id)", "(no id)", 0, "the row's id is null");
          }
          if (text == null || text.isBlank()) {
            return IngestRecord.reject(id, id, 0, text == null ? "the row's text is null" : "the row's text is blank");
          }
          return IngestRecord.document(id, id, textOrder(text), text);
        });
  }

  /** The rejects among {@code records}, in {@link #REJECTS}' columns. */
  public static Dataset<Row> rejects(SparkSession session, JavaRDD<IngestRecord> records) {
    return session.createDataFrame(records.filter(IngestRecord::isReject)
        .map(r -> RowFactory.create(r.source(), r.docId(), r.reason())), REJECTS);
  }

  /** The rejects a prepared corpus recorded (rejects*.json, one per prepare run), in {@link #REJECTS}' columns. */
  public static Dataset<Row> preparedRejects(SparkSession session, String corpusUri) throws IOException {
    Path pattern = new Path(corpusUri, "rejects*.json");
    FileSystem fs = pattern.getFileSystem(session.sparkContext().hadoopConfiguration());
    FileStatus[] files = fs.globStatus(pattern);
    if (files == null || files.length == 0) {
      return session.createDataFrame(List.of(), REJECTS);
    }
    return session.read().schema(REJECTS).json(Arrays.stream(files).map(f -> f.getPath().toString())
        .toArray(String[]::new));
  }

  private static long textOrder(String text) {
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
  }
}
