package dev.reel.reason;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import dev.reel.score.Candidate;

/** A run of kept tokens of one document, close enough in position to read as one piece of text. */
final class KeptSpan implements Serializable {
  /** Kept tokens at most this many positions apart join one span. */
  static final int MAX_GAP = 3;

  final int docIndex;
  final List<Candidate> tokens = new ArrayList<>();

  KeptSpan(Candidate first) {
    this.docIndex = first.docIndex();
    tokens.add(first);
  }

  boolean accepts(Candidate next) {
    Candidate last = tokens.get(tokens.size() - 1);
    return next.docIndex() == docIndex && next.position() - last.position() <= MAX_GAP;
  }

  int charStart() {
    return tokens.get(0).charStart();
  }

  int charEnd() {
    return tokens.get(tokens.size() - 1).charEnd();
  }

  /** Groups candidates sorted by position into spans. */
  static List<KeptSpan> group(List<Candidate> byPosition) {
    List<KeptSpan> spans = new ArrayList<>();
    for (Candidate candidate : byPosition) {
      if (spans.isEmpty() || !spans.get(spans.size() - 1).accepts(candidate)) {
        spans.add(new KeptSpan(candidate));
      } else {
        spans.get(spans.size() - 1).tokens.add(candidate);
      }
    }
    return spans;
  }
}
