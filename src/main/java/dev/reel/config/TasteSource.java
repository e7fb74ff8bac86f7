package dev.reel.config;

import java.util.Locale;

/** Where the DNA gates' tastes come from when no --dna file is given. */
public enum TasteSource {
  /** Learned from the corpus (IDF-weighted spherical k-means, seeded) for the reel without a question; seeded random
   * tastes beside a question's own gates. */
  AUTO,
  /** Seeded random tastes, and no weighting by information: the raw, untrained experiment. */
  RANDOM;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
