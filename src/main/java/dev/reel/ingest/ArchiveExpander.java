package dev.reel.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import dev.reel.config.IngestOptions;

/**
 * Streams the entries of a zip, tar or tar.gz archive into the content parser, refusing entries that escape the
 * archive root and capping entry size, total inflated size and entry count against decompression bombs.
 */
final class ArchiveExpander {
  /** What to do with one entry's bytes. */
  interface EntryHandler {
    void entry(String entryId, String entryName, byte[] bytes) throws IOException;
  }

  private final IngestOptions options;

  ArchiveExpander(IngestOptions options) {
    this.options = options;
  }

  void expand(String source, Format format, byte[] archive, RecordSink sink, EntryHandler handler) {
    long inflated = 0;
    int entries = 0;
    try (ArchiveInputStream<? extends ArchiveEntry> in = open(format, archive)) {
      for (ArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.isDirectory()) {
          continue;
        }
        String entryId = source + "!" + entry.getName();
        if (++entries > options.maxArchiveEntries()) {
          sink.reject(entryId, "archive has more than " + options.maxArchiveEntries()
              + " entries (--max-archive-entries); the rest is not read");
          return;
        }
        if (escapesRoot(entry.getName())) {
          sink.reject(entryId, "archive entry escapes the archive root (zip slip): " + entry.getName());
          continue;
        }
        long cap = Math.min(options.maxEntryBytes(), options.maxArchiveBytes() - inflated);
        byte[] bytes = BoundedRead.readAtMost(in, cap);
        if (bytes == null) {
          boolean entryCap = cap == options.maxEntryBytes();
          sink.reject(entryId, entryCap
              ? "entry inflates past " + options.maxEntryBytes() + " bytes (--max-entry-mb): decompression bomb?"
              : "archive inflates past " + options.maxArchiveBytes() + " bytes (--max-archive-mb); the rest is not read");
          if (!entryCap) {
            return;
          }
          continue;
        }
        inflated += bytes.length;
        handler.entry(entryId, entry.getName(), bytes);
      }
      if (entries == 0) {
        sink.reject(source, "archive holds no files (or is not a " + format + " archive)");
      }
    } catch (IOException | RuntimeException e) {
      sink.reject(source, "corrupt archive after " + entries + " entries: " + e.getMessage());
    }
  }

  private static ArchiveInputStream<? extends ArchiveEntry> open(Format format, byte[] archive) throws IOException {
    InputStream raw = new ByteArrayInputStream(archive);
    return switch (format) {
      case ZIP -> new ZipArchiveInputStream(raw);
      case TAR_GZ -> new TarArchiveInputStream(new GzipCompressorInputStream(raw));
      case TAR -> new TarArchiveInputStream(raw);
      default -> throw new IllegalArgumentException("not an archive: " + format);
    };
  }

  /** True for absolute names, drive letters and any ".." that climbs above the archive root. */
  static boolean escapesRoot(String name) {
    String unified = name.replace('\\', '/');
    if (unified.startsWith("/") || unified.matches("^[A-Za-z]:.*")) {
      return true;
    }
    Path normalized = Path.of("root").resolve(unified).normalize();
    return !normalized.startsWith("root") || unified.equals("..") || unified.startsWith("../");
  }
}
