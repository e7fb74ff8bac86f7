package dev.reel.ingest;

import java.io.Serializable;

/**
 * One thing the ingest stage saw: either a document with its text, or a reject with the reason it was refused.
 * Every input file yields at least one record, so documents seen = processed + rejected holds by construction.
 *
 * @param source  path of the input file (an archive, for its entries)
 * @param docId   stable document id: the source, plus {@code !entry} inside archives and {@code #n} for records
 * @param ordinal index of this record within its source file, in reading order (orders documents)
 * @param text    the document's text, or null for a reject
 * @param reason  why it was rejected, or null for a document
 */
public record IngestRecord(String source, String docId, long ordinal, String text, String reason)
    implements Serializable {

  public static IngestRecord document(String source, String docId, long ordinal, String text) {
    return new IngestRecord(source, docId, ordinal, text, null);
  }

  public static IngestRecord reject(String source, String docId, long ordinal, String reason) {
    return new IngestRecord(source, docId, ordinal, null, reason);
  }

  public boolean isReject() {
    return reason != null;
  }
}
