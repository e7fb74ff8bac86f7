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
import dev.reel.score.AttentionKernel;
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

  /**
   * What one hop asks.
   *
   * @param tokens      the question's weighted content tokens for this hop
   * @param text        the user's question (for every hop: it says what shape of answer is wanted)
   * @param meaning     the sentence encoder that re-ranks the best passages by meaning; null for a hop that asks
   *                    for tokens found by the last one, not for the user's words
   * @param answered    passages earlier hops answered from, left out of this hop's ranking
   * @param askedBefore tokens earlier hops asked for
   * @param found       lower-case words of earlier hops' answers: this hop asks about them, so they are question words
   * @param mayDecline  whether a weakly supported answer becomes null: only for the answer the user reads, not for a
   *                    hop whose answer the next hop asks about (a chain's first link can read unlike its question)
   */
  public record Request(Weighted tokens, String text, SentenceMeaning meaning, Set<String> answered,
                        Set<Integer> askedBefore, Set<String> found, boolean mayDecline) {
    /** A question-less request: the reel ranks passages by importance. */
    public static Request none() {
      return new Request(Weighted.NONE, null, null, Set.of(), Set.of(), Set.of(), false);
    }
  }

  public static ReelResult run(JavaSparkContext spark, JavaRDD<TokenizedDoc> documents, List<Candidate> buffer,
                               Request request, TokenVectors vectors, TokenVectors attentionVectors,
                               AttentionKernel kernel, PositionPolicy policy, Vocabulary vocabulary) {
    Weighted question = request.tokens();
    boolean asked = question.ids().length > 0;
    List<Candidate> byPosition = new ArrayList<>(buffer);
    byPosition.sort(Comparator.comparingLong(Candidate::position));
    QuestionAttention match = asked ? QuestionAttention.over(byPosition, question, vectors, kernel) : null;
    double[] direct = asked ? match.attention() : byPosition.stream().mapToDouble(Candidate::score).toArray();
    float[] received = BufferAttention.received(byPosition, direct, attentionVectors, kernel, policy);
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
    ranked.removeIf(passage -> request.answered().contains(ReelResult.key(passage)));
    ranked.sort(Comparator.comparingDouble((Evidence e) -> -e.score()).thenComparingLong(Evidence::position));
    Map<Integer, String[]> docs = new HashMap<>();
    for (SpanContext context : contexts) {
      docs.put(context.docIndex(), new String[] {context.docId(), context.source()});
    }
    if (!asked || ranked.isEmpty()) {
      return new ReelResult(passages, ranked, null, 0, null, List.of(), docs, 0);
    }
    Set<Integer> questionIds = new HashSet<>(request.askedBefore());
    Arrays.stream(request.tokens().ids()).forEach(questionIds::add);
    AnswerShaper shaper = shaper(request, questionIds, vocabulary);
    long start = System.nanoTime();
    List<SemanticRerank.Scored> scored = request.meaning() == null ? SemanticRerank.unranked(ranked)
        : SemanticRerank.rerank(ranked, request.text(), request.meaning().encoder(), request.meaning()::ids,
            shaper.holdsAskedShape());
    double rerankSeconds = (System.nanoTime() - start) / 1e9;
    // A passage's exact answer comes from the extractor.
    AnswerShaper.Shaped shaped = shaper.shape(scored, passage -> AnswerExtractor.extract(passage, weights,
        questionIds, id -> QuestionTokens.isContent(vocabulary.token(id)), vocabulary::isPunctuation));
    List<Evidence> reranked = new ArrayList<>(scored.stream().map(SemanticRerank.Scored::passage).toList());
    reranked.add(0, reranked.remove(shaped.rank()));
    return new ReelResult(passages, reranked, shaped.text(), shaped.confidence(),
        shaped.kind().name().toLowerCase(java.util.Locale.ROOT), shaped.items(), docs, rerankSeconds);
  }

  /** The shaper of this hop's answer: the question's words, its tokens' and earlier hops' words are no answer. */
  private static AnswerShaper shaper(Request request, Set<Integer> questionIds, Vocabulary vocabulary) {
    Set<String> words = new HashSet<>(request.found());
    if (request.text() != null) {
      AnswerShaper.words(request.text()).stream().filter(QuestionTokens::isContent).forEach(words::add);
    }
    for (int id : questionIds) {
      words.add(QuestionTokens.word(vocabulary.token(id)).toLowerCase(java.util.Locale.ROOT));
    }
    return new AnswerShaper(request.text(), words, request.mayDecline());
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
