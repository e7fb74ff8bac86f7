package dev.reel.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import dev.reel.ingest.IngestRecord;
import dev.reel.model.Vocabulary;
import dev.reel.reason.Evidence;
import dev.reel.reason.ListedItem;
import dev.reel.reason.ReelResult;
import dev.reel.score.Candidate;
import dev.reel.metrics.JobMetrics;

/**
 * Write: reel.parquet, reel.md, answer.json, rejects.json and metrics.json in the output directory, each through
 * {@link OutputDir} (any Hadoop file system, whole files only).
 */
public final class ReelWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  /** Evidence entries written to answer.json. */
  static final int EVIDENCE_LIMIT = 10;

  private final OutputDir output;

  public ReelWriter(OutputDir output) {
    this.output = output;
  }

  /** Every kept token, one row each, in position order, as one Parquet file (Spark's directory layout). */
  public void reelParquet(SparkSession spark, List<Candidate> buffer, ReelResult reel, List<String> gateNames,
                          Vocabulary vocabulary) {
    spark.createDataFrame(ReelRows.of(buffer, reel, gateNames, vocabulary, null), ReelSchema.SCHEMA).coalesce(1)
        .write().mode(SaveMode.Overwrite).parquet(output.resolve("reel.parquet"));
  }

  /**
   * Questions' kept tokens ({@link ReelRows}, with question_id) into the reel.parquet of a batch: the first write
   * replaces an earlier run's rows, later ones append theirs.
   */
  public void reelParquet(SparkSession spark, List<Row> rows, boolean first) {
    // Not coalesced: a pass's rows (64 questions' buffers) are encoded by as many tasks as Spark slices them into.
    spark.createDataFrame(rows, ReelSchema.WITH_QUESTION).write()
        .mode(first ? SaveMode.Overwrite : SaveMode.Append).parquet(output.resolve("reel.parquet"));
  }

  /** Passages listed in reel.md's ranked section. */
  static final int RANKED_LIMIT = 20;

  /** The reel as Markdown: the strongest passages ranked, then every passage in corpus order; kept tokens in bold. */
  public void reelMarkdown(ReelResult reel, String question) throws IOException {
    output.write("reel.md", stream -> {
      BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      out.write("# Highlight reel\n\n");
      if (question != null) {
        out.write("Question: " + question + "\n\nAnswer: " + oneLine(reel.answer()) + "\n\n");
      }
      out.write("## Strongest passages\n\n");
      int rank = 0;
      for (Evidence passage : reel.ranked().subList(0, Math.min(RANKED_LIMIT, reel.ranked().size()))) {
        out.write(++rank + ". `" + passage.docId() + " @" + passage.position() + "` "
            + MarkdownHighlighter.highlight(passage) + "\n");
      }
      out.write("\n## All passages\n\n" + reel.passages().size()
          + " passages in corpus order; kept tokens in **bold**.\n\n");
      String lastSource = null;
      for (Evidence passage : reel.passages()) {
        if (!passage.source().equals(lastSource)) {
          out.write((lastSource == null ? "" : "\n") + "### " + passage.source() + "\n\n");
          lastSource = passage.source();
        }
        out.write("- `" + passage.docId().substring(Math.min(passage.docId().length(), passage.source().length()))
            + " @" + passage.position() + "` " + MarkdownHighlighter.highlight(passage) + "\n");
      }
      out.flush();
    });
  }

  /**
   * digest.json, for the reel without a question: every passage, strongest first, each with its source, document,
   * corpus position and score: what a nightly digest lists, and what the digest suite scores.
   */
  public void digest(ReelResult reel) throws IOException {
    List<Map<String, Object>> passages = new ArrayList<>();
    int rank = 0;
    for (Evidence passage : reel.ranked()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rank", ++rank);
      row.put("source", passage.source());
      row.put("doc_id", passage.docId());
      row.put("position", passage.position());
      row.put("score", passage.score());
      row.put("text", passage.text());
      passages.add(row);
    }
    output.write("digest.json", out -> JSON.writeValue(out, Map.of("passages", passages)));
  }

  /**
   * answer.json: the answer, its passage and the ranked evidence, every hop, and for a question about chained facts
   * the chain the answer used ({@code chain}) and the facts read about the entities asked for ({@code facts}); both
   * are left out when empty.
   */
  public void answer(Map<String, Object> answer) throws IOException {
    output.write("answer.json", out -> JSON.writeValue(out, answer));
  }

  /** The fields of answer.json (and of each line of answers.jsonl). */
  public static Map<String, Object> answerFields(ReelResult reel, String question, List<Map<String, Object>> hops,
                                                 List<Map<String, Object>> chain, List<Map<String, Object>> facts) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("question", question);
    answer.put("answer", reel.answer());
    answer.put("answer_confidence", reel.confidence());
    answer.put("answer_kind", reel.kind());
    if (!reel.items().isEmpty()) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (ListedItem listed : reel.items()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item", listed.text());
        item.put("source", listed.passage().source());
        item.put("position", listed.passage().position());
        item.put("passage", listed.passage().text());
        items.add(item);
      }
      answer.put("answer_items", items);
    }
    Evidence best = reel.ranked().isEmpty() ? null : reel.ranked().get(0);
    answer.put("answer_passage", best == null ? null : best.text());
    answer.put("answer_source", best == null ? null : best.source());
    answer.put("answer_position", best == null ? null : best.position());
    answer.put("answer_score", best == null ? null : best.score());
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (Evidence e : reel.ranked().subList(0, Math.min(EVIDENCE_LIMIT, reel.ranked().size()))) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("source", e.source());
      item.put("doc_id", e.docId());
      item.put("position", e.position());
      item.put("end_position", e.endPosition());
      item.put("char_start", e.charStart());
      item.put("char_end", e.charEnd());
      item.put("text", e.text());
      item.put("score", e.score());
      evidence.add(item);
    }
    answer.put("evidence", evidence);
    answer.put("hops", hops);
    if (!chain.isEmpty() || !facts.isEmpty()) {
      answer.put("chain", chain);
      answer.put("facts_read", facts);
    }
    return answer;
  }

  /** Rejects as JSON lines, streamed partition by partition; returns how many. */
  public long rejects(String name, Iterator<IngestRecord> rejects) throws IOException {
    return output.writeJsonLines(name, rejects, reject -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("source", reject.source());
      row.put("doc_id", reject.docId());
      row.put("reason", reject.reason());
      return row;
    });
  }


  /** Passages of the digest (the reel without a question) marked in reel.png. */
  static final int PLOTTED_DIGEST = 10;

  /**
   * reel.png: the kept tokens along the corpus and the catches per gate; with {@code asked} the top passage (the
   * answer's evidence) marked, without it where the digest's first {@link #PLOTTED_DIGEST} passages came from.
   */
  public void plot(List<Candidate> buffer, ReelResult reel, boolean asked, long tokens,
                   Map<String, Long> caughtPerGate, String title) throws IOException {
    List<ReelPlot.Mark> marks = new ArrayList<>();
    List<Evidence> ranked = reel.ranked();
    for (int r = 0; r < Math.min(asked ? 1 : PLOTTED_DIGEST, ranked.size()); r++) {
      long position = ranked.get(r).position();
      marks.add(new ReelPlot.Mark(position, asked ? "answer @" + position : "#" + (r + 1)));
    }
    ReelPlot.write(output, "reel.png", buffer, marks, tokens, caughtPerGate, title);
  }

  public void metrics(JobMetrics metrics) throws IOException {
    output.write("metrics.json", out -> JSON.writeValue(out, metrics.asMap()));
  }

  private static String oneLine(String text) {
    return text == null ? "(nothing found)" : text.replaceAll("\\s+", " ").strip();
  }
}
