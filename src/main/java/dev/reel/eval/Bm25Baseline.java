package dev.reel.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The baseline an offline retrieval pipeline reaches for first: Lucene BM25 over sentence passages (English
 * analyzer: stop words, Porter stems), the question as an OR query. An index is built once and asked many times;
 * the caller closes it.
 */
final class Bm25Baseline implements AutoCloseable {
  static final int TOP = 10;
  private static final String TEXT = "text";
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;

  /** Indexes {@code passages}, one Lucene document each. */
  Bm25Baseline(List<String> passages) throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (String passage : passages) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, passage, Field.Store.NO));
        doc.add(new StoredField("passage", passage));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
  }

  /** The top passages of one question over the sentences of {@code texts} (an index built for this call). */
  static List<String> topPassages(List<String> texts, String question) throws IOException {
    try (Bm25Baseline index = new Bm25Baseline(SentencePassages.of(texts))) {
      return index.search(question, TOP);
    }
  }

  /** The best {@code top} passages' texts for {@code question}, best first. */
  List<String> search(String question, int top) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<String> found = new ArrayList<>();
    try {
      for (ScoreDoc hit : searcher.search(new QueryParser(TEXT, analyzer).parse(QueryParser.escape(question)),
          top).scoreDocs) {
        found.add(searcher.storedFields().document(hit.doc).get("passage"));
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException("eval: BM25 cannot parse the question: " + question, e);
    }
    return found;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
      directory.close();
    } finally {
      analyzer.close();
    }
  }
}
