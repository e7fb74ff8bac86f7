package dev.reel.tokenize;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import dev.reel.ingest.IngestRecord;

/** Tokenize: documents to token ids with character spans, in parallel per partition, in the partitions' order. */
public final class TokenizeStage {
  private TokenizeStage() {}

  /**
   * The documents' tokens; {@code tokenized} counts each document as it is tokenized (a Spark accumulator counts a
   * recomputed partition again, so a count above the documents' says the corpus was tokenized more than once).
   */
  public static JavaRDD<TokenizedDoc> run(JavaRDD<IngestRecord> documents, Broadcast<byte[]> tokenizerJson,
                                          LongAccumulator tokenized) {
    return documents.mapPartitions(records -> {
      DocumentTokenizer tokenizer = new DocumentTokenizer(TokenizerPool.get(tokenizerJson.value()));
      return new MappingIterator<>(records, doc -> {
        tokenized.add(1);
        int[][] tokens = tokenizer.tokenize(doc.text());
        return new TokenizedDoc(doc.source(), doc.docId(), doc.ordinal(), doc.text(), tokens[0], tokens[1],
            tokens[2], TokenizedDoc.UNPLACED, TokenizedDoc.UNPLACED);
      });
    });
  }
}
