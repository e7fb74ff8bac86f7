package dev.reel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import dev.reel.ReelJob;
import dev.reel.cli.ReelCommand;

/** Runs the real reel job on the shared session and reads its outputs back. */
public final class JobRuns {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobRuns() {}

  /** Runs the job with command-line style arguments (defaults as in jobs/reel). */
  public static void run(String... args) {
    try {
      new ReelJob(ReelCommand.parseConfig(args)).run(SparkSessions.shared());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String[] args(Path input, Path output, String... more) {
    return Stream.concat(Stream.of("--input", input.toString(), "--output", output.toString()), Stream.of(more))
        .toArray(String[]::new);
  }

  public static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of reel.parquet, ordered by position, as strings (every column). */
  public static List<String> reelRows(Path output) {
    List<String> rows = new ArrayList<>();
    for (Row row : SparkSessions.shared().read().parquet(output.resolve("reel.parquet").toString())
        .orderBy("position").collectAsList()) {
      rows.add(row.toString());
    }
    return rows;
  }

  /** A row as {@link #reelRows} prints it, without its last column (a batch's question_id). */
  public static String withoutLastColumn(Row row) {
    Object[] values = new Object[row.length() - 1];
    for (int c = 0; c < values.length; c++) {
      values[c] = row.get(c);
    }
    return org.apache.spark.sql.RowFactory.create(values).toString();
  }
}
