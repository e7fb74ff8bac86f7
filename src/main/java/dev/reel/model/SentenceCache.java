package dev.reel.model;

import java.nio.IntBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sentence vectors by their token ids, the least recently used dropped first past {@link #CAPACITY}. A text's vector
 * depends on the text alone, so encoders answering questions over one corpus at once share one: their questions
 * compare many of the same sentences. Thread-safe; callers get copies, never the kept arrays.
 */
public final class SentenceCache {
  /** Sentence vectors kept: 384 floats each, about 25 MB in all. */
  static final int CAPACITY = 16_384;

  private final Map<IntBuffer, float[]> vectors = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<IntBuffer, float[]> eldest) {
      return size() > CAPACITY;
    }
  };

  /** A copy of the vector kept for these token ids, or null. */
  synchronized float[] get(IntBuffer ids) {
    float[] known = vectors.get(ids);
    return known == null ? null : known.clone();
  }

  synchronized void put(IntBuffer ids, float[] vector) {
    vectors.put(ids, vector.clone());
  }
}
