package dev.reel.reason;

import java.util.List;

/**
 * A passage of the reel: kept tokens grown to their sentence, with where it comes from and how it scored.
 *
 * @param source      input file
 * @param docId       document id
 * @param position    global position of its first kept token
 * @param endPosition global position of its last kept token
 * @param charStart   start of {@code text} in the document
 * @param charEnd     end of {@code text} in the document
 * @param text        the passage
 * @param score       question attention it holds (with a question), or its tokens' summed importance
 * @param kept        the kept tokens' character ranges inside {@code text}, as [start, end) pairs
 * @param keptTokens  how many kept tokens it holds
 */
public record Evidence(String source, String docId, long position, long endPosition, int charStart, int charEnd,
                       String text, double score, List<int[]> kept, int keptTokens) {}
