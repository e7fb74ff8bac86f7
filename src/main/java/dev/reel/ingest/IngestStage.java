package dev.reel.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import dev.reel.config.IngestOptions;

/**
 * Ingest: lists the input files on the driver (names only), then reads and parses them in Spark tasks.
 * Each file yields documents and rejects; see {@link IngestRecord}.
 */
public final class IngestStage {
  private final IngestOptions options;

  public IngestStage(IngestOptions options) {
    this.options = options;
  }

  /** The input's files, sorted, and how many hidden files (".name", "_name", as Spark and Hadoop write) were skipped. */
  public record InputListing(List<String> files, int hiddenSkipped) {}

  /** Lists the input's files; fails with a clear message when the input does not exist. */
  public InputListing listFiles(Configuration hadoop) throws IOException {
    Path input = new Path(options.input());
    FileSystem fs = input.getFileSystem(hadoop);
    FileStatus[] matches = fs.globStatus(input);
    if (matches == null || matches.length == 0) {
      throw new IOException("ingest: input path does not exist: " + options.input() + " (--input)");
    }
    List<String> files = new ArrayList<>();
    int hidden = 0;
    for (FileStatus match : matches) {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
      while (it.hasNext()) {
        Path file = it.next().getPath();
        if (isHidden(file)) {
          hidden++;
        } else {
          files.add(file.toString());
        }
      }
    }
    files.sort(null);
    return new InputListing(files, hidden);
  }

  /** Reads and parses the files in parallel; one task per slice of files. */
  public JavaRDD<IngestRecord> run(JavaSparkContext spark, List<String> files, int slices) {
    FileIngestor ingestor = new FileIngestor(options);
    return spark.parallelize(files, Math.max(1, Math.min(slices, files.size())))
        .flatMap(file -> ingestor.ingest(file).iterator());
  }

  private static boolean isHidden(Path file) {
    String name = file.getName();
    return name.startsWith(".") || name.startsWith("_");
  }
}
