package dev.reel.score;

/**
 * What one chunk's attention produced.
 *
 * @param received attention each key received, summed over queries weighted by their interest
 * @param output   attention output rows {@code [C][dims]} (softmax-weighted values), or null when not asked for
 * @param keys     keys each query attended to (the shortlist length)
 */
public record AttentionResult(float[] received, float[] output, int keys) {}
