package dev.reel.reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import dev.reel.config.PositionPolicy;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.tokenize.QuestionTokens;
import dev.reel.score.Candidate;
import dev.reel.tokenize.QuestionTokens.Weighted;
import dev.reel.tokenize.TokenizedDoc;

/**
 * Reason: over the buffer of kept tokens, the question attends, and the buffer attends to itself (RoPE at original
 * positions, the job's alpha) to pass that interest on; kept tokens close together form spans; spans grow
 * to their sentences, cut from the documents where they live (only those texts travel to the driver); spans whose
 * sentences touch (or stand one short sentence apart) merge into one passage. Passages rank by how much of the
 * question they hold (saturating, see {@link QuestionCoverage}) plus a tenth of the question attention they hold, or
 * without a question by their tokens' importance.
 */
public final class ReasonStage {
  /**
   * Sentences this close join one passage though nothing between them was kept: one short sentence ("Remember it.")
   * must not split "The pass key is 58654." from "58654 is the pass key." into two passages holding half each.
   */
  static final int BRIDGED_GAP_CHARS = 80;

  private ReasonStage() {}

  public static ReelResult run(JavaSparkContext spark, JavaRDD<TokenizedDoc> documents, List<Candidate> buffer,
                               Weighted question, TokenVectors vectors, TokenVectors attentionVectors,
                               double alpha, PositionPolicy policy, Set<String> answered,
                               Set<Integer> askedBefore, Vocabulary vocabulary) {
    boolean asked = question.ids().length > 0;
    List<Candidate> byPosition = new ArrayList<>(buffer);
    byPosition.sort(Comparator.comparingLong(Candidate::position));
    QuestionAttention match = asked ? QuestionAttention.over(byPosition, question, vectors) : null;
    double[] direct = asked ? match.attention() : byPosition.stream().mapToDouble(Candidate::score).toArray();
    float[] received = BufferAttention.received(byPosition, direct, attentionVectors, alpha, policy);
    Map<Candidate, Double> weights = new IdentityHashMap<>();
    Map<Candidate, Integer> rows = new IdentityHashMap<>();
    for (int t = 0; t < byPosition.size(); t++) {
      weights.put(byPosition.get(t), direct[t] + received[t]);
      rows.put(byPosition.get(t), t);
    }
    List<KeptSpan> spans = KeptSpan.group(byPosition);
    List<SpanContext> contexts = contexts(spark, documents, spans);
    List<Evidence> merged = PassageMerger.merge(spans, contexts, weights);
    List<Evidence> passages = asked ? QuestionCoverage.score(merged, match, rows, question) : merged;
    List<Evidence> ranked = new ArrayList<>(passages);
    ranked.removeIf(passage -> answered.contains(ReelResult.key(passage)));
    ranked.sort(Comparator.comparingDouble((Evidence e) -> -e.score()).thenComparingLong(Evidence::position));
    String answer = null;
    if (asked && !ranked.isEmpty()) {
      answer = answer(ranked, weights, question, askedBefore, vocabulary);
    }
    Map<Integer, String[]> docs = new HashMap<>();
    for (SpanContext context : contexts) {
      docs.put(context.docIndex(), new String[] {context.docId(), context.source()});
    }
    return new ReelResult(passages, ranked, answer, docs);
  }

  /**
   * The exact answer of the best passage that holds one, moved to the front of {@code ranked}: a passage of nothing
   * but the question's own words (a dictionary's headword "Pass-key" for "What is the pass key?") is no evidence of
   * an answer. When none holds one, the best passage's text.
   */
  private static String answer(List<Evidence> ranked, Map<Candidate, Double> weights, Weighted question,
                               Set<Integer> askedBefore, Vocabulary vocabulary) {
    Set<Integer> questionIds = new HashSet<>(askedBefore);
    Arrays.stream(question.ids()).forEach(questionIds::add);
    for (int p = 0; p < ranked.size(); p++) {
      String exact = AnswerExtractor.extract(ranked.get(p), weights, questionIds,
          id -> QuestionTokens.isContent(vocabulary.token(id)), vocabulary::isPunctuation);
      if (exact != null) {
        ranked.add(0, ranked.remove(p));
        return exact;
      }
    }
    return ranked.get(0).text();
  }

  /**
   * One document's span sentences, requests in position order. A sentence whose next one starts at most
   * {@link #BRIDGED_GAP_CHARS} after it ends reaches to it, so the two touch and merge into one passage.
   */
  static List<SpanContext> cut(TokenizedDoc doc, List<int[]> requests) {
    String text = doc.text();
    int[] starts = new int[requests.size()];
    int[] ends = new int[requests.size()];
    for (int r = 0; r < requests.size(); r++) {
      starts[r] = SentenceBounds.start(text, requests.get(r)[1]);
      ends[r] = SentenceBounds.end(text, requests.get(r)[2]);
    }
    List<SpanContext> cut = new ArrayList<>(requests.size());
    for (int r = 0; r < requests.size(); r++) {
      int end = r + 1 < requests.size() && starts[r + 1] > ends[r] && starts[r + 1] - ends[r] <= BRIDGED_GAP_CHARS
          ? starts[r + 1] : ends[r];
      cut.add(new SpanContext(requests.get(r)[0], doc.docIndex(), doc.source(), doc.docId(), starts[r], end,
          text.substring(starts[r], end)));
    }
    return cut;
  }

  /** Cuts each span's sentence from its document, on the executors; returns them in span order. */
  private static List<SpanContext> contexts(JavaSparkContext spark, JavaRDD<TokenizedDoc> documents,
                                            List<KeptSpan> spans) {
    Map<Integer, List<int[]>> requests = new HashMap<>();
    for (int s = 0; s < spans.size(); s++) {
      KeptSpan span = spans.get(s);
      requests.computeIfAbsent(span.docIndex, k -> new ArrayList<>())
          .add(new int[] {s, span.charStart(), span.charEnd()});
    }
    Broadcast<Map<Integer, List<int[]>>> wanted = spark.broadcast(requests);
    List<SpanContext> contexts = new ArrayList<>(documents
        .filter(doc -> wanted.value().containsKey(doc.docIndex()))
        .flatMap(doc -> cut(doc, wanted.value().get(doc.docIndex())).iterator())
        .collect());
    wanted.destroy();
    contexts.sort(Comparator.comparingInt(SpanContext::spanIndex));
    return contexts;
  }
}
