package dev.reel.reason;

import java.nio.file.Path;
import dev.reel.model.SentenceCache;
import dev.reel.model.SentenceEncoder;
import dev.reel.model.Vocabulary;
import dev.reel.tokenize.QuestionTokens;

/**
 * What the driver's final pass needs to compare meanings: MiniLM's sentence encoder and the tokenizer that feeds it.
 * Opened by the job when it has a question and closed by it; one per thread answering, sharing a cache.
 */
public final class SentenceMeaning implements AutoCloseable {
  private final SentenceEncoder encoder;
  private final byte[] tokenizerJson;

  private SentenceMeaning(SentenceEncoder encoder, byte[] tokenizerJson) {
    this.encoder = encoder;
    this.tokenizerJson = tokenizerJson;
  }

  /** Opens the encoder over the ONNX model at {@code onnx}, its vectors kept in {@code cache}; the caller closes it. */
  public static SentenceMeaning open(Path onnx, Vocabulary vocabulary, byte[] tokenizerJson, SentenceCache cache) {
    return new SentenceMeaning(SentenceEncoder.open(onnx, vocabulary, cache), tokenizerJson);
  }

  SentenceEncoder encoder() {
    return encoder;
  }

  int[] ids(String text) {
    return QuestionTokens.ids(text, tokenizerJson);
  }

  @Override
  public void close() {
    encoder.close();
  }
}
