package dev.reel.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** Token strings by id, and the special tokens, read from a tokenizer.json (WordPiece, BPE or Unigram). */
public final class Vocabulary implements Serializable {
  private final String[] tokens;
  private final int clsId;
  private final int sepId;

  private Vocabulary(String[] tokens, int clsId, int sepId) {
    this.tokens = tokens;
    this.clsId = clsId;
    this.sepId = sepId;
  }

  public static Vocabulary parse(byte[] tokenizerJson) {
    try {
      JsonNode root = new ObjectMapper().readTree(tokenizerJson);
      JsonNode vocab = root.path("model").path("vocab");
      int size = vocab.size();
      for (JsonNode added : root.path("added_tokens")) {
        size = Math.max(size, added.path("id").asInt() + 1);
      }
      String[] tokens = new String[size];
      if (vocab.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          tokens[entry.getValue().asInt()] = entry.getKey();
        }
      } else {
        for (int i = 0; i < vocab.size(); i++) {
          tokens[i] = vocab.get(i).get(0).asText();
        }
      }
      for (JsonNode added : root.path("added_tokens")) {
        tokens[added.path("id").asInt()] = added.path("content").asText();
      }
      return new Vocabulary(tokens, idOf(tokens, "[CLS]", "<s>"), idOf(tokens, "[SEP]", "</s>"));
    } catch (IOException e) {
      throw new UncheckedIOException("model: tokenizer.json is not valid JSON", e);
    }
  }

  private static int idOf(String[] tokens, String... candidates) {
    for (String candidate : candidates) {
      for (int i = 0; i < tokens.length; i++) {
        if (candidate.equals(tokens[i])) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("model: the tokenizer has none of the special tokens "
        + String.join(", ", candidates));
  }

  /** A short hash of the vocabulary, to key caches derived from it. */
  public String fingerprint() {
    return Integer.toHexString(java.util.Arrays.hashCode(tokens));
  }

  public int size() {
    return tokens.length;
  }

  public String token(int id) {
    return id >= 0 && id < tokens.length && tokens[id] != null ? tokens[id] : "[?" + id + "]";
  }

  /** True for a token with no letter or digit: punctuation and symbols. */
  public boolean isPunctuation(int id) {
    return token(id).codePoints().noneMatch(Character::isLetterOrDigit);
  }

  public int clsId() {
    return clsId;
  }

  public int sepId() {
    return sepId;
  }
}
