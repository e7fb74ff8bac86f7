package dev.reel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import dev.reel.config.IngestOptions;
import dev.reel.ingest.TextDecoder.UndecodableException;

/**
 * Turns one input file into ingest records. Never throws for bad content: every failure becomes a reject with a
 * reason, so a hostile or broken file cannot kill the job and nothing is silently lost.
 */
public final class FileIngestor {
  private final IngestOptions options;
  private final Configuration hadoop;

  /**
   * An ingestor that opens files with {@code hadoop}: in a job, the session's configuration as an ingest task
   * received it; built where it reads, so it never travels itself.
   */
  public FileIngestor(IngestOptions options, Configuration hadoop) {
    this.options = options;
    this.hadoop = hadoop;
  }

  public List<IngestRecord> ingest(String source) {
    RecordSink sink = new RecordSink(source);
    Format format = Format.of(source);
    try {
      if (format == Format.PARQUET) {
        if (length(source) > options.maxFileBytes()) {
          sink.reject(source, "file larger than " + options.maxFileBytes() + " bytes (--max-file-mb)");
        } else {
          ParquetExtractor.extract(source, options.parquetTextColumn(), hadoop, sink);
        }
      } else {
        byte[] bytes = read(source);
        if (bytes == null) {
          sink.reject(source, "file larger than " + options.maxFileBytes() + " bytes (--max-file-mb)");
        } else if (format.isArchive()) {
          new ArchiveExpander(options).expand(source, format, bytes, sink,
              (entryId, name, entry) -> parseEntry(entryId, Format.of(name), entry, sink));
        } else {
          parse(source, format, bytes, sink);
        }
      }
    } catch (IOException | RuntimeException e) {
      sink.reject(source, "unreadable " + format + " file: " + e);
    }
    return sink.records();
  }

  private long length(String source) throws IOException {
    Path path = new Path(source);
    return path.getFileSystem(hadoop).getFileStatus(path).getLen();
  }

  private byte[] read(String source) throws IOException {
    Path path = new Path(source);
    FileSystem fs = path.getFileSystem(hadoop);
    if (fs.getFileStatus(path).getLen() > options.maxFileBytes()) {
      return null;
    }
    try (InputStream in = fs.open(path)) {
      return BoundedRead.readAtMost(in, options.maxFileBytes());
    }
  }

  private void parseEntry(String entryId, Format format, byte[] bytes, RecordSink sink) {
    if (format.isArchive() || format == Format.PARQUET) {
      sink.reject(entryId, format + " inside an archive is not read; unpack it first");
      return;
    }
    try {
      parse(entryId, format, bytes, sink);
    } catch (IOException | RuntimeException e) {
      sink.reject(entryId, "unreadable " + format + " entry: " + e);
    }
  }

  private void parse(String docId, Format format, byte[] bytes, RecordSink sink) throws IOException {
    switch (format) {
      case EML -> mail(docId, bytes, sink);
      case MBOX -> {
        List<byte[]> messages = MboxSplitter.messages(bytes);
        if (messages.isEmpty()) {
          sink.reject(docId, "no messages: an mbox must start with a \"From \" line");
        }
        for (int i = 0; i < messages.size(); i++) {
          mail(docId + "#" + (i + 1), messages.get(i), sink);
        }
      }
      default -> text(docId, format, bytes, sink);
    }
  }

  private void text(String docId, Format format, byte[] bytes, RecordSink sink) {
    String content;
    try {
      content = TextDecoder.decode(bytes);
    } catch (UndecodableException e) {
      sink.reject(docId, e.getMessage());
      return;
    }
    switch (format) {
      case HTML -> sink.document(docId, HtmlExtractor.visibleText(content));
      case JSONL -> JsonLinesExtractor.extract(docId, content, options.jsonTextField(), sink);
      default -> sink.document(docId, content);
    }
  }

  private static void mail(String docId, byte[] bytes, RecordSink sink) throws IOException {
    String binary = TextDecoder.binaryReason(bytes);
    if (binary != null) {
      sink.reject(docId, binary);
    } else {
      sink.document(docId, MailExtractor.text(bytes));
    }
  }
}
