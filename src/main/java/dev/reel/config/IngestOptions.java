package dev.reel.config;

import java.io.Serializable;

/**
 * How input files become documents, and the caps that keep hostile input from exhausting an executor.
 *
 * @param input             file, directory or glob, on any Hadoop file system
 * @param jsonTextField     field of a JSON-lines record that holds the text
 * @param parquetTextColumn column of a Parquet file that holds the text
 * @param maxFileBytes      larger plain files are rejected unread
 * @param maxEntryBytes     an archive entry that inflates past this is rejected (decompression bombs)
 * @param maxArchiveBytes   an archive whose entries inflate past this in total is cut off there, with a reject
 * @param maxArchiveEntries an archive with more entries is cut off there, with a reject
 */
public record IngestOptions(String input, String jsonTextField, String parquetTextColumn, long maxFileBytes,
                            long maxEntryBytes, long maxArchiveBytes, int maxArchiveEntries) implements Serializable {
  private static final long MIB = 1L << 20;

  /** The command line's defaults: text field and column "text", 256 MiB files, 64 MiB entries, 1 GiB archives. */
  public static IngestOptions defaults(String input) {
    return new IngestOptions(input, "text", "text", 256 * MIB, 64 * MIB, 1024 * MIB, 100_000);
  }

  public IngestOptions {
    Checks.require(input != null && !input.isBlank(), "--input is required");
    Checks.require(jsonTextField != null && !jsonTextField.isBlank(), "--json-field must not be blank");
    Checks.require(parquetTextColumn != null && !parquetTextColumn.isBlank(), "--parquet-column must not be blank");
    Checks.positive(maxFileBytes, "--max-file-mb");
    Checks.positive(maxEntryBytes, "--max-entry-mb");
    Checks.positive(maxArchiveBytes, "--max-archive-mb");
    Checks.positive(maxArchiveEntries, "--max-archive-entries");
  }
}
