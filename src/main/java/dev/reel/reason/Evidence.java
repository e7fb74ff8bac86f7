package dev.reel.reason;

import java.util.List;
import dev.reel.score.Candidate;

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
 * @param score       with a question, how much of it the passage holds ({@link QuestionCoverage}, in [0, 1)) plus a
 *                    tenth of the question attention it holds; without one, its tokens' summed importance
 * @param tokens      the kept tokens it holds, in position order
 */
public record Evidence(String source, String docId, long position, long endPosition, int charStart, int charEnd,
                       String text, double score, List<Candidate> tokens) {
  /** This passage with another score. */
  public Evidence withScore(double newScore) {
    return new Evidence(source, docId, position, endPosition, charStart, charEnd, text, newScore, tokens);
  }

  /** The kept tokens' character ranges inside {@code text}, as [start, end) pairs. */
  public List<int[]> keptRanges() {
    return tokens.stream().map(t -> new int[] {t.charStart() - charStart, t.charEnd() - charStart}).toList();
  }
}
