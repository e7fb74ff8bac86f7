package dev.reel.tokenize;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import dev.reel.ingest.IngestRecord;

/** Tokenize: documents to token ids with character spans, in parallel per partition. */
public final class TokenizeStage {
  private TokenizeStage() {}

  public static JavaRDD<TokenizedDoc> run(JavaRDD<IngestRecord> documents, Broadcast<byte[]> tokenizerJson) {
    return documents.mapPartitions(records -> {
      DocumentTokenizer tokenizer = new DocumentTokenizer(TokenizerPool.get(tokenizerJson.value()));
      return new MappingIterator<>(records, doc -> {
        int[][] tokens = tokenizer.tokenize(doc.text());
        return new TokenizedDoc(doc.source(), doc.docId(), doc.ordinal(), doc.text(), tokens[0], tokens[1],
            tokens[2], TokenizedDoc.UNPLACED, TokenizedDoc.UNPLACED);
      });
    });
  }
}
