package dev.reel.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import dev.reel.model.SentenceEncoder;
import dev.reel.tokenize.QuestionTokens;

/**
 * Dense passage retrieval, what a retrieval pipeline picks beside BM25: every passage a MiniLM sentence vector (the
 * job's own {@link SentenceEncoder}), the question's vector against all of them, cosine. The passages' vectors are
 * cached in a file named by their content, so a second run over the same corpus only encodes its questions.
 */
final class DenseBaseline {
  private final List<String> passages;
  private final float[][] vectors;
  private final SentenceEncoder encoder;
  private final byte[] tokenizerJson;

  private DenseBaseline(List<String> passages, float[][] vectors, SentenceEncoder encoder, byte[] tokenizerJson) {
    this.passages = passages;
    this.vectors = vectors;
    this.encoder = encoder;
    this.tokenizerJson = tokenizerJson;
  }

  /** Encodes (or reads from {@code cacheDir}) every passage's vector; {@code encoder} stays the caller's. */
  static DenseBaseline build(List<String> passages, SentenceEncoder encoder, byte[] tokenizerJson, Path cacheDir)
      throws IOException {
    Path cache = cacheDir.resolve(String.format(Locale.ROOT, "dense-%08x-%d.f32", passages.hashCode(),
        passages.size()));
    float[][] vectors = Files.isRegularFile(cache) ? read(cache, passages.size()) : null;
    if (vectors == null) {
      long start = System.nanoTime();
      vectors = new float[passages.size()][];
      for (int p = 0; p < passages.size(); p++) {
        vectors[p] = encoder.encode(QuestionTokens.ids(passages.get(p), tokenizerJson));
        if ((p + 1) % 5000 == 0) {
          System.err.printf(Locale.ROOT, "eval: dense baseline: %d of %d passages encoded, %.0f s%n", p + 1,
              passages.size(), (System.nanoTime() - start) / 1e9);
        }
      }
      write(cache, vectors);
    }
    return new DenseBaseline(passages, vectors, encoder, tokenizerJson);
  }

  /** The best {@code top} passages for {@code question}, best first (ties to the earlier passage). */
  List<String> search(String question, int top) {
    float[] asked = encoder.encode(QuestionTokens.ids(question, tokenizerJson));
    PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
        : Double.compare(b[1], a[1]));
    for (int p = 0; p < vectors.length; p++) {
      best.add(new double[] {SentenceEncoder.cosine(asked, vectors[p]), p});
      if (best.size() > top) {
        best.poll();
      }
    }
    List<String> found = new ArrayList<>();
    while (!best.isEmpty()) {
      found.add(0, passages.get((int) best.poll()[1]));
    }
    return found;
  }

  /**
   * 1-based rank, among passages {@code [from, to)} (one document's sentences), of the first that {@code holds}
   * accepts, by cosine to {@code question}; 0 when none does. What sentence vectors can do once the right document
   * is found.
   */
  int rankWithin(String question, int from, int to, java.util.function.Predicate<String> holds) {
    float[] asked = encoder.encode(QuestionTokens.ids(question, tokenizerJson));
    int target = -1;
    for (int p = from; p < to && target < 0; p++) {
      target = holds.test(passages.get(p)) ? p : -1;
    }
    if (target < 0) {
      return 0;
    }
    double cosine = SentenceEncoder.cosine(asked, vectors[target]);
    int rank = 1;
    for (int p = from; p < to; p++) {
      double other = SentenceEncoder.cosine(asked, vectors[p]);
      rank += other > cosine || (other == cosine && p < target) ? 1 : 0;
    }
    return rank;
  }

  private static float[][] read(Path cache, int count) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
      if (in.readInt() != count) {
        return null;
      }
      int dims = in.readInt();
      float[][] vectors = new float[count][dims];
      for (float[] vector : vectors) {
        for (int d = 0; d < dims; d++) {
          vector[d] = in.readFloat();
        }
      }
      return vectors;
    }
  }

  private static void write(Path cache, float[][] vectors) throws IOException {
    Files.createDirectories(cache.getParent());
    Path partial = Files.createTempFile(cache.getParent(), cache.getFileName().toString(), ".part");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
      out.writeInt(vectors.length);
      out.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
      for (float[] vector : vectors) {
        for (float v : vector) {
          out.writeFloat(v);
        }
      }
    }
    Files.move(partial, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
