package dev.reel.score.cuda;

import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import dev.reel.score.DnaLookup;
import dev.reel.score.QuestionDna;

/**
 * The questions' DNA lookups over the whole vocabulary, on the device (question q's table at {@code q * vocab}) for
 * score_chunks, and on the host for the few promoted tokens' candidates. Uploaded again only when the questions
 * change (a task scores one pass's questions batch after batch). Closing frees the device side.
 */
final class DnaTables implements AutoCloseable {
  private final int vocab;
  private final DeviceArray gravity = new DeviceArray("DNA gravity");
  private final DeviceArray relevance = new DeviceArray("DNA relevance");
  private final DeviceArray information = new DeviceArray("DNA information");
  private final DeviceArray gate = new DeviceArray("DNA gate");
  private final DeviceArray informed = new DeviceArray("informed questions");
  private List<QuestionDna> questions = List.of();
  private DnaLookup.Looked[] looked = new DnaLookup.Looked[0];
  private int gates;

  DnaTables(int vocab) {
    this.vocab = vocab;
  }

  /** Makes the tables {@code questions}'; a no-op when they already are. */
  void use(List<QuestionDna> questions) {
    if (sameAs(questions)) {
      return;
    }
    int count = questions.size();
    int[] every = IntStream.range(0, vocab).toArray();
    float[] gravities = new float[count * vocab];
    float[] relevances = new float[count * vocab];
    float[] informations = new float[count * vocab];
    int[] gateIds = new int[count * vocab];
    int[] informedFlags = new int[count];
    looked = new DnaLookup.Looked[count];
    gates = 1; // a stride of one at least, so the catch counts always have memory
    for (int q = 0; q < count; q++) {
      looked[q] = questions.get(q).dna().lookup(every, vocab);
      System.arraycopy(looked[q].gravity(), 0, gravities, q * vocab, vocab);
      System.arraycopy(looked[q].relevance(), 0, relevances, q * vocab, vocab);
      System.arraycopy(looked[q].gate(), 0, gateIds, q * vocab, vocab);
      if (looked[q].information() != null) {
        System.arraycopy(looked[q].information(), 0, informations, q * vocab, vocab);
        informedFlags[q] = 1;
      }
      gates = Math.max(gates, questions.get(q).gates().count());
    }
    try (FloatPointer g = new FloatPointer(gravities); FloatPointer r = new FloatPointer(relevances);
         FloatPointer i = new FloatPointer(informations); IntPointer k = new IntPointer(gateIds);
         IntPointer f = new IntPointer(informedFlags)) {
      gravity.upload(g, gravities.length);
      relevance.upload(r, relevances.length);
      information.upload(i, informations.length);
      gate.upload(k, gateIds.length);
      informed.upload(f, count);
    }
    this.questions = List.copyOf(questions);
  }

  private boolean sameAs(List<QuestionDna> other) {
    if (other.size() != questions.size()) {
      return false;
    }
    for (int q = 0; q < other.size(); q++) {
      if (other.get(q) != questions.get(q)) {
        return false;
      }
    }
    return !other.isEmpty();
  }

  /** Question {@code q}'s lookup of every vocabulary entry, on the host. */
  DnaLookup.Looked looked(int q) {
    return looked[q];
  }

  /** The most gates any of the questions has: the stride of the catch counts. */
  int gates() {
    return gates;
  }

  long gravity() {
    return gravity.address();
  }

  long relevance() {
    return relevance.address();
  }

  long information() {
    return information.address();
  }

  long gate() {
    return gate.address();
  }

  long informed() {
    return informed.address();
  }

  long deviceBytes() {
    return gravity.bytes() + relevance.bytes() + information.bytes() + gate.bytes() + informed.bytes();
  }

  @Override
  public void close() {
    for (DeviceArray array : new DeviceArray[] {gravity, relevance, information, gate, informed}) {
      array.close();
    }
  }
}
