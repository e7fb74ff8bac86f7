package dev.reel.ingest;

import java.util.ArrayList;
import java.util.List;

/** Collects the records of one input file, numbering them in reading order. */
final class RecordSink {
  private final String source;
  private final List<IngestRecord> records = new ArrayList<>();

  RecordSink(String source) {
    this.source = source;
  }

  void document(String docId, String text) {
    if (text == null || text.isBlank()) {
      reject(docId, "empty text: nothing to read after extraction");
    } else {
      records.add(IngestRecord.document(source, docId, records.size(), text));
    }
  }

  void reject(String docId, String reason) {
    records.add(IngestRecord.reject(source, docId, records.size(), reason));
  }

  List<IngestRecord> records() {
    return records;
  }
}
