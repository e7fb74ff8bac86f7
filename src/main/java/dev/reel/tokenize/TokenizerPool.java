package dev.reel.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HuggingFace tokenizer per executor JVM and tokenizer.json, built from bytes broadcast by the driver.
 * The native tokenizer is thread-safe; it lives as long as the JVM.
 */
final class TokenizerPool {
  private static final Map<Integer, HuggingFaceTokenizer> TOKENIZERS = new ConcurrentHashMap<>();
  /** No special tokens, no truncation, no padding: a document is one long run of tokens. */
  private static final Map<String, String> OPTIONS =
      Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

  private TokenizerPool() {}

  static HuggingFaceTokenizer get(byte[] tokenizerJson) {
    return TOKENIZERS.computeIfAbsent(Arrays.hashCode(tokenizerJson), key -> {
      try {
        return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), OPTIONS);
      } catch (IOException e) {
        throw new UncheckedIOException("tokenize: cannot load the tokenizer (--tokenizer)", e);
      }
    });
  }
}
