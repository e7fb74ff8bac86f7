package dev.reel.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tokenizes one document. Long texts are cut at whitespace into segments encoded in native batches; BERT-style
 * pre-tokenizers split on whitespace anyway, so the cut changes no token. The native tokenizer reports spans in
 * code points; they are turned into UTF-16 indices so they index Java strings.
 */
public final class DocumentTokenizer {
  static final int SEGMENT_CHARS = 16_384;
  /**
   * Segments encoded in one native call. The tokenizer returns a String and a span object per token, so a whole
   * 4 MB document in one call held about 150 MB of them at once; 32 segments (about 130 K tokens) hold a few MB.
   */
  static final int BATCH_SEGMENTS = 32;
  /**
   * DJL's native tokenizer calls, used directly: {@code HuggingFaceTokenizer.batchEncode} fetches eight arrays per
   * encoding, among them a String per token; only the ids and the character spans are needed here.
   */
  private static final TokenizersLibrary NATIVE = TokenizersLibrary.LIB;

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
    Columns out = new Columns(text.length() / 4 + 16);
    for (int first = 0; first < segments.size(); first += BATCH_SEGMENTS) {
      List<int[]> batch = segments.subList(first, Math.min(segments.size(), first + BATCH_SEGMENTS));
      List<String> pieces = new ArrayList<>(batch.size());
      for (int[] segment : batch) {
        pieces.add(text.substring(segment[0], segment[1]));
      }
      long[] encodings = NATIVE.batchEncode(tokenizer.getHandle(), pieces.toArray(String[]::new), false);
      try {
        for (int s = 0; s < encodings.length; s++) {
          append(out, encodings[s], pieces.get(s), batch.get(s)[0]);
        }
      } finally {
        for (long encoding : encodings) {
          NATIVE.deleteEncoding(encoding);
        }
      }
    }
    return out.trimmed();
  }

  private static void append(Columns out, long encoding, String piece, int offset) {
    long[] ids = NATIVE.getTokenIds(encoding);
    CharSpan[] spans = NATIVE.getTokenCharSpans(encoding);
    boolean surrogates = piece.length() != piece.codePointCount(0, piece.length());
    CodePointCursor cursor = surrogates ? new CodePointCursor(piece) : null;
    for (int i = 0; i < ids.length; i++) {
      int start = spans[i].getStart();
      int end = spans[i].getEnd();
      if (surrogates) {
        start = cursor.charIndex(start);
        end = cursor.charIndex(end);
      }
      out.add((int) ids[i], offset + start, offset + end);
    }
  }

  /**
   * Code point indices to UTF-16 indices, walking forward from the last answer: spans come in order, so a segment
   * costs one pass instead of one scan from its start per token.
   */
  private static final class CodePointCursor {
    private final String text;
    private int codePoints;
    private int chars;

    CodePointCursor(String text) {
      this.text = text;
    }

    int charIndex(int codePoint) {
      if (codePoint < codePoints) {
        codePoints = 0;
        chars = 0;
      }
      while (codePoints < codePoint && chars < text.length()) {
        chars += Character.charCount(text.codePointAt(chars));
        codePoints++;
      }
      return chars;
    }
  }

  /** Growing id and span columns. */
  private static final class Columns {
    int[] ids;
    int[] starts;
    int[] ends;
    int size;

    Columns(int capacity) {
      ids = new int[capacity];
      starts = new int[capacity];
      ends = new int[capacity];
    }

    void add(int id, int start, int end) {
      if (size == ids.length) {
        int grown = Math.max(16, size + (size >> 1));
        ids = Arrays.copyOf(ids, grown);
        starts = Arrays.copyOf(starts, grown);
        ends = Arrays.copyOf(ends, grown);
      }
      ids[size] = id;
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    int[][] trimmed() {
      return new int[][] {Arrays.copyOf(ids, size), Arrays.copyOf(starts, size), Arrays.copyOf(ends, size)};
    }
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
