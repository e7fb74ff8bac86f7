package dev.reel.corpus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import dev.reel.tokenize.PositionStage.PlacedCorpus;
import dev.reel.tokenize.TokenizedDoc;
import dev.reel.write.OutputDir;

/**
 * A prepared corpus on any Hadoop file system: documents.parquet (each placed document: its text for the reason
 * stage, token ids, character spans, corpus index and first global position, from which every chunk is cut again
 * exactly), manifest.json, rejects.json and metrics.json, with {@code _SUCCESS} last.
 */
public final class CorpusStore {
  public static final String DOCUMENTS = "documents.parquet";
  public static final String MANIFEST = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final StructType SCHEMA = new StructType()
      .add("doc_index", DataTypes.IntegerType, false)
      .add("source", DataTypes.StringType, false)
      .add("doc_id", DataTypes.StringType, false)
      .add("ordinal", DataTypes.LongType, false)
      .add("base_position", DataTypes.LongType, false)
      .add("text", DataTypes.StringType, false)
      .add("ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("char_start", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("char_end", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  private CorpusStore() {}

  /** Writes the placed documents and the manifest into {@code dir}; the caller marks it complete. */
  public static void write(SparkSession session, PlacedCorpus corpus, CorpusManifest manifest, OutputDir dir)
      throws IOException {
    writeDocuments(session, corpus.documents(), dir.resolve(DOCUMENTS), SaveMode.Overwrite);
    dir.write(MANIFEST, out -> JSON.writeValue(out, manifest));
  }

  /** Adds documents placed after the corpus (their own Parquet files), then the manifest that counts them. */
  public static void append(SparkSession session, JavaRDD<TokenizedDoc> documents, CorpusManifest manifest,
                            OutputDir dir) throws IOException {
    dir.delete(OutputDir.SUCCESS);
    writeDocuments(session, documents, dir.resolve(DOCUMENTS), SaveMode.Append);
    dir.write(MANIFEST, out -> JSON.writeValue(out, manifest));
  }

  /**
   * Replaces every document (some were dropped, the rest placed again): written beside the old ones, then swapped
   * in, since the new documents are computed from the old files.
   */
  public static void replace(SparkSession session, JavaRDD<TokenizedDoc> documents, CorpusManifest manifest,
                             OutputDir dir) throws IOException {
    dir.delete(OutputDir.SUCCESS);
    String next = "." + DOCUMENTS + ".next";
    writeDocuments(session, documents, dir.resolve(next), SaveMode.Overwrite);
    dir.replaceDirectory(next, DOCUMENTS);
    dir.write(MANIFEST, out -> JSON.writeValue(out, manifest));
  }

  private static void writeDocuments(SparkSession session, JavaRDD<TokenizedDoc> documents, String path,
                                     SaveMode mode) {
    session.sparkContext().setJobDescription("reel prepare: write documents");
    JavaRDD<Row> rows = documents.map(doc -> RowFactory.create(doc.docIndex(), doc.source(), doc.docId(),
        doc.ordinal(), doc.basePosition(), doc.text(), doc.ids(), doc.charStart(), doc.charEnd()));
    session.createDataFrame(rows, SCHEMA).write().mode(mode).parquet(path);
  }

  /**
   * The manifest of the corpus at {@code uri}.
   *
   * @throws FileNotFoundException when there is no complete prepared corpus there
   */
  public static CorpusManifest manifest(String uri, Configuration hadoop) throws IOException {
    Path root = new Path(uri);
    FileSystem fs = root.getFileSystem(hadoop);
    Path manifest = new Path(root, MANIFEST);
    if (!fs.exists(manifest) || !fs.exists(new Path(root, OutputDir.SUCCESS))) {
      throw new FileNotFoundException("no prepared corpus at " + uri + " (" + MANIFEST + " or " + OutputDir.SUCCESS
          + " missing): run jobs/reel prepare first");
    }
    try (InputStream in = fs.open(manifest)) {
      CorpusManifest read = JSON.readValue(in, CorpusManifest.class);
      if (read.format() != CorpusManifest.FORMAT) {
        throw new IOException("the corpus at " + uri + " has layout " + read.format() + "; this version reads "
            + CorpusManifest.FORMAT + ": prepare it again");
      }
      return read;
    }
  }

  /** The stored documents, persisted on the executors as the one-shot job persists its tokenized corpus. */
  public static PlacedCorpus read(SparkSession session, String uri, CorpusManifest manifest) {
    JavaRDD<TokenizedDoc> documents = session.read().schema(SCHEMA).parquet(new Path(uri, DOCUMENTS).toString())
        .javaRDD().map(CorpusStore::document).persist(StorageLevel.DISK_ONLY());
    return PlacedCorpus.of(documents, documents, manifest.counts().documentsProcessed(),
        manifest.counts().tokens());
  }

  private static TokenizedDoc document(Row row) {
    return new TokenizedDoc(row.getString(1), row.getString(2), row.getLong(3), row.getString(5), ints(row, 6),
        ints(row, 7), ints(row, 8), row.getInt(0), row.getLong(4));
  }

  private static int[] ints(Row row, int field) {
    List<Integer> values = row.getList(field);
    int[] ints = new int[values.size()];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = values.get(i);
    }
    return ints;
  }
}
