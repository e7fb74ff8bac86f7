package dev.reel.ingest;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/** One document per Parquet row, its text taken from a configurable string column, rows in file order. */
final class ParquetExtractor {
  private ParquetExtractor() {}

  static void extract(String source, String column, Configuration conf, RecordSink sink) throws IOException {
    Path path = new Path(source);
    MessageType schema;
    try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
      schema = footer.getFooter().getFileMetaData().getSchema();
    }
    if (!schema.containsField(column)) {
      sink.reject(source, "no column '" + column + "' (--parquet-column); columns: " + schema.getFields());
      return;
    }
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build()) {
      long row = 0;
      for (Group group = reader.read(); group != null; group = reader.read(), row++) {
        String rowId = source + "#" + row;
        if (group.getFieldRepetitionCount(column) == 0) {
          sink.reject(rowId, "row " + row + ": null '" + column + "'");
        } else {
          sink.document(rowId, group.getValueToString(group.getType().getFieldIndex(column), 0));
        }
      }
    }
  }
}
