package dev.reel.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.reel.score.Candidate;

/** Merges spans (in corpus order) whose sentences overlap or touch into passages of readable length. */
final class PassageMerger {
  /** A passage stops growing past this many characters, so evidence stays a few sentences long. */
  static final int MAX_PASSAGE_CHARS = 800;

  private PassageMerger() {}

  static List<Evidence> merge(List<KeptSpan> spans, List<SpanContext> contexts, Map<Candidate, Double> weights) {
    List<Evidence> passages = new ArrayList<>();
    Builder open = null;
    for (int s = 0; s < spans.size(); s++) {
      KeptSpan span = spans.get(s);
      SpanContext context = contexts.get(s);
      if (open != null && open.docIndex == span.docIndex && context.start() <= open.end
          && context.end() - open.start <= MAX_PASSAGE_CHARS) {
        open.extend(span, context, weights);
      } else {
        if (open != null) {
          passages.add(open.build());
        }
        open = new Builder(span, context, weights);
      }
    }
    if (open != null) {
      passages.add(open.build());
    }
    return passages;
  }

  private static final class Builder {
    final int docIndex;
    final String source;
    final String docId;
    final int start;
    int end;
    final StringBuilder text = new StringBuilder();
    final List<Candidate> tokens = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    double score;

    Builder(KeptSpan span, SpanContext context, Map<Candidate, Double> weights) {
      this.docIndex = span.docIndex;
      this.source = context.source();
      this.docId = context.docId();
      this.start = context.start();
      this.end = context.start();
      extend(span, context, weights);
    }

    void extend(KeptSpan span, SpanContext context, Map<Candidate, Double> weights) {
      if (context.end() > end) {
        text.append(context.text(), Math.max(0, end - context.start()), context.text().length());
        end = context.end();
      }
      for (Candidate token : span.tokens) {
        tokens.add(token);
        first = Math.min(first, token.position());
        last = Math.max(last, token.position());
        score += weights.get(token);
      }
    }

    Evidence build() {
      return new Evidence(source, docId, first, last, start, end, text.toString(), score, List.copyOf(tokens));
    }
  }
}
