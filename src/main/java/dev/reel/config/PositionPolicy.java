package dev.reel.config;

/** Which positions RoPE uses in the final pass over the buffer. */
public enum PositionPolicy {
  /** Each kept token at its original corpus position: distances in the corpus survive selection. */
  ORIGINAL,
  /** Kept tokens placed one after another, 0..K-1 ("teleported"): what the original system did. */
  COMPACT
}
