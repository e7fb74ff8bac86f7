package dev.reel.eval;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * analyzer: stop words, Porter stems), the question as an OR query; returns the top passages' texts.
 */
final class Bm25Baseline {
  static final int TOP = 10;
  private static final String TEXT = "text";

  private Bm25Baseline() {}

  static List<String> topPassages(List<String> texts, String question) throws IOException {
    try (Analyzer analyzer = new EnglishAnalyzer(); ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
        for (String text : texts) {
          for (String sentence : sentences(text)) {
            Document doc = new Document();
            doc.add(new TextField(TEXT, sentence, Field.Store.NO));
            doc.add(new StoredField("passage", sentence));
            writer.addDocument(doc);
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> top = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(new QueryParser(TEXT, analyzer).parse(QueryParser.escape(question)),
            TOP).scoreDocs) {
          top.add(searcher.storedFields().document(hit.doc).get("passage"));
        }
        return top;
      } catch (ParseException e) {
        throw new IllegalArgumentException("eval: BM25 cannot parse the question: " + question, e);
      }
    }
  }

  private static List<String> sentences(String text) {
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
    breaks.setText(text);
    List<String> sentences = new ArrayList<>();
    for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      String sentence = text.substring(start, end).strip();
      if (!sentence.isEmpty()) {
        sentences.add(sentence);
      }
    }
    return sentences;
  }
}
