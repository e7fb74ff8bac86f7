package dev.reel.tokenize;

import java.io.Serializable;

/**
 * A document with its tokens: ids and UTF-16 character spans into {@code text}. Once the position stage has run,
 * {@code docIndex} is its rank in corpus order and {@code basePosition} the global position of its first token.
 */
public record TokenizedDoc(String source, String docId, long ordinal, String text, int[] ids, int[] charStart,
                           int[] charEnd, int docIndex, long basePosition) implements Serializable {
  public static final int UNPLACED = -1;
  private static final int[] NO_TOKENS = new int[0];

  public int tokenCount() {
    return ids.length;
  }

  /** The document's text and place without its tokens: what the reason stage cuts passages from. */
  public TokenizedDoc withoutTokens() {
    return new TokenizedDoc(source, docId, ordinal, text, NO_TOKENS, NO_TOKENS, NO_TOKENS, docIndex, basePosition);
  }

  public TokenizedDoc placed(int index, long base) {
    return new TokenizedDoc(source, docId, ordinal, text, ids, charStart, charEnd, index, base);
  }

  /** Orders documents for positions: by source path, then by reading order within the source. */
  public static int compareKeys(String sourceA, long ordinalA, String sourceB, long ordinalB) {
    int bySource = sourceA.compareTo(sourceB);
    return bySource != 0 ? bySource : Long.compare(ordinalA, ordinalB);
  }
}
