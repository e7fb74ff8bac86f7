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
 * sentences touch merge into one passage. Passages rank by the question attention they hold, or without a question
 * by their tokens' importance.
 */
public final class ReasonStage {
  private ReasonStage() {}

  public static ReelResult run(JavaSparkContext spark, JavaRDD<TokenizedDoc> documents, List<Candidate> buffer,
                               Weighted question, TokenVectors vectors, TokenVectors attentionVectors,
                               double alpha, PositionPolicy policy, Set<String> answered,
                               Set<Integer> askedBefore, Vocabulary vocabulary) {
    boolean asked = question.ids().length > 0;
    List<Candidate> byPosition = new ArrayList<>(buffer);
    byPosition.sort(Comparator.comparingLong(Candidate::position));
    double[] direct = asked ? QuestionAttention.weights(byPosition, question, vectors)
        : byPosition.stream().mapToDouble(Candidate::score).toArray();
    float[] received = BufferAttention.received(byPosition, direct, attentionVectors, alpha, policy);
    Map<Candidate, Double> weights = new IdentityHashMap<>();
    for (int t = 0; t < byPosition.size(); t++) {
      weights.put(byPosition.get(t), direct[t] + received[t]);
    }
    List<KeptSpan> spans = KeptSpan.group(byPosition);
    List<SpanContext> contexts = contexts(spark, documents, spans);
    List<Evidence> passages = PassageMerger.merge(spans, contexts, weights);
    List<Evidence> ranked = new ArrayList<>(passages);
    ranked.removeIf(passage -> answered.contains(ReelResult.key(passage)));
    ranked.sort(Comparator.comparingDouble((Evidence e) -> -e.score()).thenComparingLong(Evidence::position));
    String answer = null;
    if (asked && !ranked.isEmpty()) {
      Set<Integer> questionIds = new HashSet<>(askedBefore);
      Arrays.stream(question.ids()).forEach(questionIds::add);
      String exact = AnswerExtractor.extract(ranked.get(0), weights, questionIds,
          id -> QuestionTokens.isContent(vocabulary.token(id)),
          vocabulary::isPunctuation);
      answer = exact != null ? exact : ranked.get(0).text();
    }
    Map<Integer, String[]> docs = new HashMap<>();
    for (SpanContext context : contexts) {
      docs.put(context.docIndex(), new String[] {context.docId(), context.source()});
    }
    return new ReelResult(passages, ranked, answer, docs);
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
        .flatMap(doc -> {
          List<SpanContext> cut = new ArrayList<>();
          for (int[] request : wanted.value().get(doc.docIndex())) {
            int start = SentenceBounds.start(doc.text(), request[1]);
            int end = SentenceBounds.end(doc.text(), request[2]);
            cut.add(new SpanContext(request[0], doc.docIndex(), doc.source(), doc.docId(), start, end,
                doc.text().substring(start, end)));
          }
          return cut.iterator();
        })
        .collect());
    wanted.destroy();
    contexts.sort(Comparator.comparingInt(SpanContext::spanIndex));
    return contexts;
  }
}
