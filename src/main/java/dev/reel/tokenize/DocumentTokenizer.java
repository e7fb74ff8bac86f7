package dev.reel.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizes one document. Long texts are cut at whitespace into segments encoded in one native batch; BERT-style
 * pre-tokenizers split on whitespace anyway, so the cut changes no token. The native tokenizer reports spans in
 * code points; they are turned into UTF-16 indices so they index Java strings.
 */
public final class DocumentTokenizer {
  static final int SEGMENT_CHARS = 16_384;

  private final HuggingFaceTokenizer tokenizer;

  DocumentTokenizer(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** A tokenizer for this JVM from tokenizer.json bytes (shared, never closed). */
  public static DocumentTokenizer of(byte[] tokenizerJson) {
    return new DocumentTokenizer(TokenizerPool.get(tokenizerJson));
  }

  /** Returns {ids, charStart, charEnd}. */
  public int[][] tokenize(String text) {
    List<int[]> segments = segments(text);
    List<String> pieces = new ArrayList<>(segments.size());
    for (int[] segment : segments) {
      pieces.add(text.substring(segment[0], segment[1]));
    }
    Encoding[] encodings = tokenizer.batchEncode(pieces, false, false);
    int total = 0;
    for (Encoding encoding : encodings) {
      total += encoding.getIds().length;
    }
    int[] ids = new int[total];
    int[] starts = new int[total];
    int[] ends = new int[total];
    int at = 0;
    for (int s = 0; s < encodings.length; s++) {
      long[] segmentIds = encodings[s].getIds();
      CharSpan[] spans = encodings[s].getCharTokenSpans();
      String piece = pieces.get(s);
      boolean surrogates = piece.length() != piece.codePointCount(0, piece.length());
      for (int i = 0; i < segmentIds.length; i++, at++) {
        ids[at] = (int) segmentIds[i];
        int start = spans[i].getStart();
        int end = spans[i].getEnd();
        if (surrogates) {
          start = piece.offsetByCodePoints(0, start);
          end = piece.offsetByCodePoints(0, end);
        }
        starts[at] = segments.get(s)[0] + start;
        ends[at] = segments.get(s)[0] + end;
      }
    }
    return new int[][] {ids, starts, ends};
  }

  /** [start, end) ranges of at most about SEGMENT_CHARS, ending after whitespace when there is any. */
  static List<int[]> segments(String text) {
    List<int[]> segments = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + SEGMENT_CHARS);
      if (end < text.length()) {
        int cut = end;
        while (cut > start && !Character.isWhitespace(text.charAt(cut - 1))) {
          cut--;
        }
        end = cut > start ? cut : end;
        if (Character.isLowSurrogate(text.charAt(end)) && end > start + 1) {
          end--;
        }
      }
      segments.add(new int[] {start, end});
      start = end;
    }
    return segments;
  }
}
