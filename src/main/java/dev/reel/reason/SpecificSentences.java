package dev.reel.reason;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;
import dev.reel.tokenize.TokenizedDoc;

/**
 * Every prose sentence of the corpus that names something, scored by {@link Specificity} on the executors: each
 * word of the corpus counted (a shuffle of per-partition counts), each name use joined to its word's count, and a
 * sentence's names gathered and summed. Nothing of the corpus comes to the driver but what the caller takes of the
 * result.
 */
final class SpecificSentences {
  private SpecificSentences() {}

  /**
   * A prose sentence that names something, by its core ({@link Specificity#read}).
   *
   * @param docIndex    document index
   * @param start       first character of its core in the document's text
   * @param end         one past the core's last character
   * @param position    global position of the core's first token
   * @param endPosition global position of the core's last token
   * @param pieces      the core's length in white-space separated pieces
   * @param number      whether it holds a number
   */
  record Sentence(int docIndex, int start, int end, long position, long endPosition, int pieces, boolean number)
      implements Serializable {
    /** Whether its core overlaps the characters [from, to) of its document. */
    boolean overlaps(int from, int to) {
      return start < to && from < end;
    }
  }

  /** Most specific first, then in corpus order: a total order, so what is taken never depends on partitioning. */
  static final Comparator<Tuple2<Sentence, Double>> MOST_SPECIFIC = new MostSpecific();

  private static final class MostSpecific implements Comparator<Tuple2<Sentence, Double>>, Serializable {
    @Override
    public int compare(Tuple2<Sentence, Double> a, Tuple2<Sentence, Double> b) {
      int bySpecificity = Double.compare(b._2(), a._2());
      return bySpecificity != 0 ? bySpecificity : Long.compare(a._1().position(), b._1().position());
    }
  }

  /** Each named prose sentence of {@code documents} (tokenized and placed) with its specificity. */
  static JavaPairRDD<Sentence, Double> score(JavaRDD<TokenizedDoc> documents) {
    JavaPairRDD<String, Long> counts = documents
        .flatMap(doc -> Specificity.words(doc.text()).stream().map(Specificity::key).iterator())
        .mapToPair(key -> new Tuple2<>(key, 1L))
        .reduceByKey(Long::sum);
    return documents.flatMapToPair(doc -> nameUses(doc).iterator())
        .join(counts)
        .mapToPair(use -> new Tuple2<>(use._2()._1(), use._2()._2()))
        .groupByKey()
        .mapToPair(named -> new Tuple2<>(named._1(), score(named._1(), named._2())));
  }

  /**
   * A sentence's specificity from its names' corpus counts, summed in a fixed order: a sum in the order a shuffle
   * delivers would differ in its last bits with the partitioning, and so could the order of two close sentences.
   */
  private static double score(Sentence sentence, Iterable<Long> counts) {
    List<Long> sorted = new ArrayList<>();
    counts.forEach(sorted::add);
    sorted.sort(null);
    double names = 0;
    for (long count : sorted) {
      names += 1.0 / count;
    }
    return Specificity.score(names, sentence.number(), sentence.pieces());
  }

  /** Each name of each prose sentence of one document, keyed by the word it is counted under. */
  static List<Tuple2<String, Sentence>> nameUses(TokenizedDoc doc) {
    List<Tuple2<String, Sentence>> uses = new ArrayList<>();
    String text = doc.text();
    for (int[] bounds : SentenceCut.of(text)) {
      Specificity.Read read = Specificity.read(text.substring(bounds[0], bounds[1]));
      if (read.prose() && !read.names().isEmpty()) {
        int start = bounds[0] + read.coreStart();
        int end = bounds[0] + read.coreEnd();
        Sentence sentence = new Sentence(doc.docIndex(), start, end, position(doc, start), position(doc, end - 1),
            read.pieces(), read.number());
        read.names().forEach(name -> uses.add(new Tuple2<>(name, sentence)));
      }
    }
    return uses;
  }

  /** The global position of the token holding character {@code at}, or of the first after it. */
  private static long position(TokenizedDoc doc, int at) {
    int found = Arrays.binarySearch(doc.charStart(), at);
    int token = found >= 0 ? found : -found - 2;
    if (token < 0 || doc.charEnd()[token] <= at) {
      token++;
    }
    return doc.basePosition() + Math.min(token, Math.max(0, doc.tokenCount() - 1));
  }
}
