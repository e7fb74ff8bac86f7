package dev.reel.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import dev.reel.config.IngestOptions;
import dev.reel.ingest.FileIngestor;
import dev.reel.ingest.IngestRecord;
import dev.reel.tokenize.DocumentTokenizer;

/**
 * A real-text haystack: documents in reading order as the job's own extractors give them (so mail and HTML become
 * the text the job sees), each with the character start of every token as the job's own tokenizer cuts it. Token
 * offsets let the eval cut exact lengths and plant at exact token depths and chunk borders.
 */
final class Haystack {
  /** One document: its text and the character start of each of its tokens. */
  record Doc(String text, int[] tokenStarts) {
    int tokens() {
      return tokenStarts.length;
    }
  }

  private final List<Doc> docs;
  private final long tokens;

  private Haystack(List<Doc> docs) {
    this.docs = List.copyOf(docs);
    this.tokens = docs.stream().mapToLong(Doc::tokens).sum();
  }

  /**
   * Reads the files under {@code folders} (each folder's files in natural name order, folders in the order given)
   * until {@code maxTokens} tokens are read; rejected files are skipped.
   */
  static Haystack load(List<Path> folders, long maxTokens, DocumentTokenizer tokenizer, IngestOptions options)
      throws IOException {
    FileIngestor ingestor = new FileIngestor(options, new Configuration());
    List<Doc> docs = new ArrayList<>();
    long total = 0;
    for (Path folder : folders) {
      for (Path file : files(folder)) {
        for (IngestRecord record : ingestor.ingest(file.toString())) {
          if (total >= maxTokens) {
            return new Haystack(docs);
          }
          if (!record.isReject()) {
            Doc doc = new Doc(record.text(), tokenizer.tokenize(record.text())[1]);
            docs.add(doc);
            total += doc.tokens();
          }
        }
      }
    }
    if (docs.isEmpty()) {
      throw new IOException("eval: no readable documents under " + folders);
    }
    return new Haystack(docs);
  }

  /** The first {@code count} tokens: whole documents, the last one cut at a token start. */
  Haystack prefix(long count) {
    if (count >= tokens) {
      return this;
    }
    List<Doc> kept = new ArrayList<>();
    long left = count;
    for (Doc doc : docs) {
      if (left <= 0) {
        break;
      }
      if (doc.tokens() <= left) {
        kept.add(doc);
      } else {
        int cut = doc.tokenStarts()[(int) left];
        kept.add(new Doc(doc.text().substring(0, cut), Arrays.copyOf(doc.tokenStarts(), (int) left)));
      }
      left -= doc.tokens();
    }
    return new Haystack(kept);
  }

  long tokens() {
    return tokens;
  }

  List<Doc> docs() {
    return docs;
  }

  /** Document index and token index of a global token position (clamped to the end). */
  int[] locate(long position) {
    long start = 0;
    for (int d = 0; d < docs.size(); d++) {
      if (position < start + docs.get(d).tokens()) {
        return new int[] {d, (int) (position - start)};
      }
      start += docs.get(d).tokens();
    }
    int last = docs.size() - 1;
    return new int[] {last, docs.get(last).tokens()};
  }

  private static List<Path> files(Path folder) throws IOException {
    if (Files.isRegularFile(folder)) {
      return List.of(folder);
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Haystack::naturalKey)).toList();
    }
  }

  /** Zero-pads digit runs so names sort as people read them (chapter_2 before chapter_10). */
  private static String naturalKey(Path path) {
    return path.toString().replaceAll("(\\d+)", "0000000000$1").replaceAll("0*(\\d{10})", "$1");
  }
}
