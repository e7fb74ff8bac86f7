package dev.reel.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Function;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job's output directory on any Hadoop file system (local, {@code hdfs://}, {@code s3a://}): each file is written
 * under a hidden temporary name and renamed when complete, and {@code _SUCCESS} is written last, so a run that fails
 * halfway never leaves a reel that looks complete. Opening it removes an earlier run's {@code _SUCCESS} first.
 */
public final class OutputDir {
  /** Written last: its presence says every other output is whole. */
  public static final String SUCCESS = "_SUCCESS";
  private static final ObjectMapper JSON_LINES = new ObjectMapper();

  private final FileSystem fs;
  private final Path root;

  private OutputDir(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  /**
   * Opens (creating it if needed) the directory at {@code uri}, checking that a file can be written there.
   *
   * @throws IOException naming the directory when it cannot be created or written
   */
  public static OutputDir open(String uri, Configuration hadoop) throws IOException {
    Path root = new Path(uri);
    FileSystem fs = root.getFileSystem(hadoop);
    root = fs.makeQualified(root);
    if (fs instanceof LocalFileSystem local) {
      // No ".name.crc" beside each output on a local disk; Spark's own writes keep the checksummed file system.
      fs = local.getRawFileSystem();
    }
    try {
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw new IOException("it is a file");
      }
      fs.mkdirs(root);
      fs.delete(new Path(root, SUCCESS), false);
      Path probe = new Path(root, "._probe-" + UUID.randomUUID());
      fs.create(probe, true).close();
      fs.delete(probe, false);
    } catch (IOException e) {
      throw new IOException("output: cannot write to " + root + ": " + e.getMessage(), e);
    }
    return new OutputDir(fs, root);
  }

  /** Where {@code name} lives, as a URI string (for Spark's writers). */
  public String resolve(String name) {
    return new Path(root, name).toString();
  }

  /** What writes one output file's bytes. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code name}: {@code body} fills a hidden temporary file, which replaces {@code name} only once the body
   * has finished; when the body fails, the temporary file is removed and {@code name} is left as it was.
   */
  public void write(String name, Body body) throws IOException {
    Path target = new Path(root, name);
    Path temporary = new Path(root, "." + name + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FSDataOutputStream out = fs.create(temporary, true)) {
        body.writeTo(out);
      }
      if (fs.exists(target)) {
        fs.delete(target, false);
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("output: cannot rename " + temporary + " to " + target);
      }
    } catch (IOException | RuntimeException e) {
      fs.delete(temporary, false);
      throw e;
    }
  }

  /** Writes {@code name} as JSON lines, {@code toJson} of each item, streamed; returns how many lines. */
  public <T> long writeJsonLines(String name, Iterator<T> items, Function<? super T, ?> toJson) throws IOException {
    long[] count = {0};
    write(name, stream -> {
      BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      while (items.hasNext()) {
        out.write(JSON_LINES.writeValueAsString(toJson.apply(items.next())));
        out.write('\n');
        count[0]++;
      }
      out.flush();
    });
    return count[0];
  }

  /** Removes {@code name} (a file or directory) if it is there. */
  public void delete(String name) throws IOException {
    fs.delete(new Path(root, name), true);
  }

  /** Puts the directory {@code from} in the place of {@code to}, which is removed first. */
  public void replaceDirectory(String from, String to) throws IOException {
    Path target = new Path(root, to);
    fs.delete(target, true);
    if (!fs.rename(new Path(root, from), target)) {
      throw new IOException("output: cannot rename " + new Path(root, from) + " to " + target);
    }
  }

  /** Marks the outputs complete: call after every other file is written. */
  public void success() throws IOException {
    fs.create(new Path(root, SUCCESS), true).close();
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
