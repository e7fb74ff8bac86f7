package dev.reel.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
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

  /**
   * Input bytes one ingest task reads at most (unless one file is larger): about a million tokens of text, so a task's
   * documents, and the sort after tokenizing them, take the same memory whatever the corpus size.
   */
  static final long SLICE_BYTES = 4L << 20;

  /**
   * The input's files, sorted, their sizes in bytes and modification times (epoch milliseconds), and how many hidden
   * files (".name", "_name", as Spark and Hadoop write) were skipped.
   */
  public record InputListing(List<String> files, List<Long> bytes, List<Long> modified, int hiddenSkipped) {
    /** The files {@code keep} accepts, in the same order. */
    public InputListing only(Predicate<String> keep) {
      List<String> kept = new ArrayList<>();
      List<Long> keptBytes = new ArrayList<>();
      List<Long> keptModified = new ArrayList<>();
      for (int f = 0; f < files.size(); f++) {
        if (keep.test(files.get(f))) {
          kept.add(files.get(f));
          keptBytes.add(bytes.get(f));
          keptModified.add(modified.get(f));
        }
      }
      return new InputListing(kept, keptBytes, keptModified, hiddenSkipped);
    }
  }

  /** Lists the input's files; fails with a clear message when the input does not exist. */
  public InputListing listFiles(Configuration hadoop) throws IOException {
    Path input = new Path(options.input());
    FileSystem fs = input.getFileSystem(hadoop);
    FileStatus[] matches = fs.globStatus(input);
    if (matches == null || matches.length == 0) {
      throw new IOException("ingest: input path does not exist: " + options.input() + " (--input)");
    }
    TreeMap<String, Long> found = new TreeMap<>();
    Map<String, Long> modified = new HashMap<>();
    int hidden = 0;
    for (FileStatus match : matches) {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
      while (it.hasNext()) {
        LocatedFileStatus file = it.next();
        if (isHidden(file.getPath())) {
          hidden++;
        } else {
          found.put(file.getPath().toString(), file.getLen());
          modified.put(file.getPath().toString(), file.getModificationTime());
        }
      }
    }
    return new InputListing(List.copyOf(found.keySet()), List.copyOf(found.values()),
        found.keySet().stream().map(modified::get).toList(), hidden);
  }

  /**
   * Reads and parses the listed files in parallel: one task per slice of consecutive files holding about
   * {@link #SLICE_BYTES}, and at least {@code minSlices} tasks while there are files for them.
   */
  public JavaRDD<IngestRecord> run(JavaSparkContext spark, InputListing listing, int minSlices) {
    // The session's Hadoop settings travel with the tasks (once per executor, as a broadcast).
    Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(spark.sc(),
        spark.hadoopConfiguration());
    IngestOptions caps = options;
    List<List<String>> slices = slices(listing, minSlices);
    return spark.parallelize(slices, Math.max(1, slices.size()))
        .flatMap(slice -> {
          FileIngestor ingestor = new FileIngestor(caps, hadoop.value().value());
          return slice.stream().flatMap(file -> ingestor.ingest(file).stream()).iterator();
        });
  }

  /** Consecutive files grouped so each group holds about the same bytes, at most {@link #SLICE_BYTES} where it can. */
  static List<List<String>> slices(InputListing listing, int minSlices) {
    long total = listing.bytes().stream().mapToLong(Long::longValue).sum();
    int wanted = (int) Math.min(listing.files().size(),
        Math.max(minSlices, (total + SLICE_BYTES - 1) / SLICE_BYTES));
    long target = Math.max(1, (total + wanted - 1) / Math.max(1, wanted));
    List<List<String>> slices = new ArrayList<>();
    List<String> open = new ArrayList<>();
    long held = 0;
    for (int f = 0; f < listing.files().size(); f++) {
      long size = listing.bytes().get(f);
      if (!open.isEmpty() && held + size > target) {
        slices.add(open);
        open = new ArrayList<>();
        held = 0;
      }
      open.add(listing.files().get(f));
      held += size;
    }
    if (!open.isEmpty()) {
      slices.add(open);
    }
    return slices;
  }

  private static boolean isHidden(Path file) {
    String name = file.getName();
    return name.startsWith(".") || name.startsWith("_");
  }
}
