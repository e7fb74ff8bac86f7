package dev.reel.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HuggingFace tokenizer per executor JVM and tokenizer.json, built from bytes broadcast by the driver.
 * The native tokenizer is thread-safe; it lives as long as the JVM. Callers pass the same array again and again (a
 * broadcast value, the driver's copy), so it is found by identity first: hashing a tokenizer.json of 700 KB for every
 * sentence the final pass encodes cost more than encoding it.
 */
final class TokenizerPool {
  /** By content: equal files share one tokenizer. */
  private static final Map<ByteBuffer, HuggingFaceTokenizer> TOKENIZERS = new ConcurrentHashMap<>();
  /** By array identity (an array's own equals), weakly: the arrays seen recently. */
  private static final Map<byte[], HuggingFaceTokenizer> BY_ARRAY = Collections.synchronizedMap(new WeakHashMap<>());
  /** No special tokens, no truncation, no padding: a document is one long run of tokens. */
  private static final Map<String, String> OPTIONS =
      Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

  private TokenizerPool() {}

  static HuggingFaceTokenizer get(byte[] tokenizerJson) {
    HuggingFaceTokenizer known = BY_ARRAY.get(tokenizerJson);
    if (known == null) {
      known = byContent(tokenizerJson);
      BY_ARRAY.put(tokenizerJson, known);
    }
    return known;
  }

  private static HuggingFaceTokenizer byContent(byte[] tokenizerJson) {
    return TOKENIZERS.computeIfAbsent(ByteBuffer.wrap(tokenizerJson.clone()), key -> {
      try {
        return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), OPTIONS);
      } catch (IOException e) {
        throw new UncheckedIOException("tokenize: cannot load the tokenizer (--tokenizer)", e);
      }
    });
  }
}
