package dev.reel.config;

import java.util.Locale;

/** Where in-chunk attention gets its token vectors (--vectors). DNA gravity, gates and relevance stay static. */
public enum VectorSource {
  /** One vector per vocabulary entry, looked up from the static table: microseconds per chunk. */
  STATIC,
  /**
   * The transformer run over the chunk's own tokens, so a word's vector depends on its sentence; projected into the
   * static table's attention space. About 5,000 tokens per second per core, over ten times slower than static.
   */
  CONTEXTUAL;

  /** The command-line spelling, as metrics.json records it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
