package dev.reel.cli;

import picocli.CommandLine.Option;
import dev.reel.config.IngestOptions;

/** How the archive is read: the fields holding text and the caps that reject oversized input. */
final class IngestTuning {
  @Option(names = "--json-field", defaultValue = "text", paramLabel = "NAME",
      description = "Text field of JSON-lines records (default: ${DEFAULT-VALUE}).")
  String jsonField;

  @Option(names = "--parquet-column", defaultValue = "text", paramLabel = "NAME",
      description = "Text column of Parquet files (default: ${DEFAULT-VALUE}).")
  String parquetColumn;

  @Option(names = "--max-file-mb", defaultValue = "256", paramLabel = "N",
      description = "Larger files are rejected unread, MiB (default: ${DEFAULT-VALUE}).")
  double maxFileMb;

  @Option(names = "--max-entry-mb", defaultValue = "64", paramLabel = "N",
      description = "Archive entries inflating past this are rejected, MiB (default: ${DEFAULT-VALUE}).")
  double maxEntryMb;

  @Option(names = "--max-archive-mb", defaultValue = "1024", paramLabel = "N",
      description = "An archive stops being read past this much inflated data, MiB (default: ${DEFAULT-VALUE}).")
  double maxArchiveMb;

  @Option(names = "--max-archive-entries", defaultValue = "100000", paramLabel = "N",
      description = "An archive stops being read past this many entries (default: ${DEFAULT-VALUE}).")
  int maxArchiveEntries;

  IngestOptions options(String input) {
    long mib = 1L << 20;
    return new IngestOptions(input, jsonField, parquetColumn, (long) (maxFileMb * mib), (long) (maxEntryMb * mib),
        (long) (maxArchiveMb * mib), maxArchiveEntries);
  }
}
