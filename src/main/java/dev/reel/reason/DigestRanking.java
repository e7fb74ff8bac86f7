package dev.reel.reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import dev.reel.reason.SpecificSentences.Sentence;
import dev.reel.tokenize.TokenizedDoc;

/**
 * The reel without a question as a digest: the reel's passages and the corpus's most specific sentences, most
 * specific first ({@link Specificity}, every sentence scored on the executors), repeats moved out of the head
 * ({@link DigestDiversity}). A passage is as specific as the most specific sentence it overlaps; passages as
 * specific (most often not at all) come by their kept tokens' importance, then in corpus order. Each passage's score
 * becomes its specificity.
 */
public final class DigestRanking {
  /**
   * The corpus's most specific sentences that join the digest beside the reel's passages: several times what a
   * reader reads of a digest, and few enough that their text is no burden on the driver.
   */
  static final int SPECIFIC_SENTENCES = 200;

  private DigestRanking() {}

  /**
   * {@code reel} (the reason stage's, without a question) ranked as a digest of {@code documents}, repeats told by
   * {@code meaning}'s sentence vectors.
   */
  public static ReelResult rank(JavaSparkContext spark, JavaRDD<TokenizedDoc> documents, ReelResult reel,
                                SentenceMeaning meaning) {
    long start = System.nanoTime();
    JavaPairRDD<Sentence, Double> scored = SpecificSentences.score(documents).persist(StorageLevel.MEMORY_AND_DISK());
    Map<Integer, List<Evidence>> byDoc = new HashMap<>();
    Map<Integer, List<int[]>> ranges = new HashMap<>();
    for (Evidence passage : reel.passages()) {
      int doc = passage.tokens().get(0).docIndex();
      byDoc.computeIfAbsent(doc, d -> new ArrayList<>()).add(passage);
      ranges.computeIfAbsent(doc, d -> new ArrayList<>()).add(new int[] {passage.charStart(), passage.charEnd()});
    }
    Broadcast<Map<Integer, List<int[]>>> held = spark.broadcast(ranges);
    List<Tuple2<Sentence, Double>> inPassages = scored.filter(s -> overlapsAny(held.value(), s._1())).collect();
    List<Tuple2<Sentence, Double>> best = scored.takeOrdered(SPECIFIC_SENTENCES, SpecificSentences.MOST_SPECIFIC);
    scored.unpersist();
    held.destroy();

    Map<Evidence, Double> specificity = passageSpecificity(reel.passages(), byDoc, inPassages);
    List<Tuple2<Sentence, Double>> outside = best.stream().filter(s -> !overlapsAny(ranges, s._1())).toList();
    for (Evidence own : ownPassages(spark, documents, outside)) {
      specificity.put(own, own.score());
    }
    List<Evidence> ranked = new ArrayList<>(specificity.keySet());
    ranked.sort(Comparator.comparingDouble((Evidence e) -> -specificity.get(e))
        .thenComparingDouble(e -> -e.score())
        .thenComparingLong(Evidence::position));
    List<Evidence> digest = DigestDiversity.withoutRepeats(
        ranked.stream().map(e -> e.withScore(specificity.get(e))).toList(), meaning);
    return new ReelResult(reel.passages(), digest, null, 0, null, List.of(), reel.documents(),
        (System.nanoTime() - start) / 1e9);
  }

  /** Each passage's specificity: that of the most specific sentence it overlaps, else 0. */
  private static Map<Evidence, Double> passageSpecificity(List<Evidence> passages, Map<Integer, List<Evidence>> byDoc,
                                                          List<Tuple2<Sentence, Double>> sentences) {
    Map<Evidence, Double> specificity = new IdentityHashMap<>();
    passages.forEach(passage -> specificity.put(passage, 0.0));
    for (Tuple2<Sentence, Double> sentence : sentences) {
      for (Evidence passage : byDoc.get(sentence._1().docIndex())) {
        if (sentence._1().overlaps(passage.charStart(), passage.charEnd())) {
          specificity.merge(passage, sentence._2(), Math::max);
        }
      }
    }
    return specificity;
  }

  /** A sentence's core grown to its sentence as the reason stage grows kept spans ({@link SentenceBounds}). */
  private static SpanContext grown(TokenizedDoc doc, int[] wanted) {
    String text = doc.text();
    int start = SentenceBounds.start(text, wanted[1]);
    int end = SentenceBounds.end(text, wanted[2] - 1);
    return new SpanContext(wanted[0], doc.docIndex(), doc.source(), doc.docId(), start, end,
        text.substring(start, end));
  }

  /** The sentences as passages of their own, cut from their documents on the executors. */
  private static List<Evidence> ownPassages(JavaSparkContext spark, JavaRDD<TokenizedDoc> documents,
                                            List<Tuple2<Sentence, Double>> sentences) {
    Map<Integer, List<int[]>> wanted = new HashMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      Sentence sentence = sentences.get(s)._1();
      wanted.computeIfAbsent(sentence.docIndex(), d -> new ArrayList<>())
          .add(new int[] {s, sentence.start(), sentence.end()});
    }
    Broadcast<Map<Integer, List<int[]>>> cut = spark.broadcast(wanted);
    List<SpanContext> texts = documents.filter(doc -> cut.value().containsKey(doc.docIndex()))
        .flatMap(doc -> cut.value().get(doc.docIndex()).stream().map(w -> grown(doc, w)).iterator())
        .collect();
    cut.destroy();
    List<Evidence> own = new ArrayList<>(texts.size());
    for (SpanContext text : texts) {
      Tuple2<Sentence, Double> sentence = sentences.get(text.spanIndex());
      own.add(new Evidence(text.source(), text.docId(), sentence._1().position(), sentence._1().endPosition(),
          text.start(), text.end(), text.text(), sentence._2(), List.of()));
    }
    return own;
  }

  private static boolean overlapsAny(Map<Integer, List<int[]>> ranges, Sentence sentence) {
    return ranges.getOrDefault(sentence.docIndex(), List.of()).stream()
        .anyMatch(range -> sentence.overlaps(range[0], range[1]));
  }
}
