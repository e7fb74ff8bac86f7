package dev.reel.score;

/**
 * Per-token scores of one chunk, aligned with the chunk's arrays.
 *
 * @param importance  the score that decides what is kept
 * @param gravity     DNA gravity: how far the token clears its strongest gate
 * @param attention   attention the token receives from interested queries in its chunk
 * @param relevance   similarity to the question's content tokens (0 without a question)
 * @param gate        the gate that caught the token, or -1
 */
public record ChunkScores(float[] importance, float[] gravity, float[] attention, float[] relevance, int[] gate) {}
