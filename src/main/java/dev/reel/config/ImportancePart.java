package dev.reel.config;

/** The parts that add up to a token's importance; each can be switched off with --ablate to measure its worth. */
public enum ImportancePart {
  /** DNA gravity: how far the token clears its strongest gate. */
  GRAVITY,
  /** Attention the token receives inside its chunk, from queries weighted by their own interest. */
  ATTENTION,
  /** Similarity to the question's content tokens. */
  RELEVANCE
}
