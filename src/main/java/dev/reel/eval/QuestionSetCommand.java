package dev.reel.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import dev.reel.ReelJob;
import dev.reel.bench.BenchReport;
import dev.reel.bench.ScratchDir;
import dev.reel.cli.ReelCommand;
import dev.reel.cli.RuntimeSettings;
import dev.reel.config.ReelConfig;
import dev.reel.ingest.FileIngestor;
import dev.reel.ingest.IngestRecord;
import dev.reel.model.ModelFiles;
import dev.reel.model.SentenceEncoder;
import dev.reel.model.Vocabulary;

/**
 * {@code jobs/eval questions}: questions written from real documents, asked of the real job over the whole corpus,
 * one job per question, beside BM25 and MiniLM dense retrieval over the corpus's sentences. Each question's row is
 * appended to a CSV as soon as it is measured; the report is drawn from every row of the CSV.
 */
@Command(name = "questions", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Real questions over real documents: the job against BM25 and dense retrieval; rows to --results.")
public final class QuestionSetCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Option(names = "--set", split = ",", paramLabel = "FILE",
      description = "Question sets (JSON lines: id, question, answers, all, evidence, source, wording, kind).")
  List<Path> sets;

  @Option(names = "--input", paramLabel = "PATH",
      description = "The corpus, as the job's --input takes it (file, folder or glob).")
  String input;

  @Option(names = "--corpus", paramLabel = "NAME", description = "The corpus's name in the results.")
  String corpus;

  @Option(names = "--setting", defaultValue = "default", paramLabel = "NAME",
      description = "Name of the job options given with --job-options (default: ${DEFAULT-VALUE}).")
  String setting;

  @Option(names = "--job-options", defaultValue = "", paramLabel = "OPTIONS",
      description = "Extra job options, space-separated, e.g. \"--alpha 1\".")
  String jobOptions;

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "Ask only these question ids.")
  List<String> only;

  @Option(names = "--no-baselines", description = "Skip BM25 and dense retrieval.")
  boolean noBaselines;

  @Option(names = "--results", defaultValue = "jobs/results/questions", paramLabel = "DIR",
      description = "Rows (rows.csv), runs (runs.md) and the report DIR.md (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--cache", defaultValue = "target/eval-cache", paramLabel = "DIR",
      description = "Where the dense baseline keeps the corpus's sentence vectors (default: ${DEFAULT-VALUE}).")
  Path cache;

  @Option(names = "--report-only", description = "Redraw the report from rows.csv; ask nothing.")
  boolean reportOnly;

  @Override
  public Integer call() throws Exception {
    QuestionRows rows = new QuestionRows(results.resolve("rows.csv"));
    if (!reportOnly) {
      if (sets == null || input == null || corpus == null) {
        throw new ParameterException(spec.commandLine(), "eval questions: --set, --input and --corpus are needed "
            + "to ask questions (only --report-only runs without them)");
      }
      measure(rows);
    }
    BenchReport.write(Path.of(results + ".md"), QuestionReport.render(rows.rows(), results));
    return 0;
  }

  private void measure(QuestionRows rows) throws IOException {
    List<RealQuestion> questions = new ArrayList<>();
    for (Path set : sets) {
      questions.addAll(RealQuestion.read(set));
    }
    if (only != null) {
      questions.removeIf(q -> !only.contains(q.id()));
    }
    ReelConfig defaults = ReelCommand.parseConfig("--input", input, "--output", "unused");
    RuntimeSettings.apply(defaults.model().cacheDir());
    logRun();
    Path work = ScratchDir.create("reel-questions");
    try (SparkSession session = RuntimeSettings.session("reel-eval-questions", null)) {
      List<String> texts = texts(session, defaults);
      checkEvidence(questions, texts);
      Baselines baselines = noBaselines ? null : Baselines.build(texts, defaults, cache);
      for (RealQuestion question : questions) {
        QuestionRows.Row row = ask(session, work, question, baselines);
        rows.append(row);
        System.err.printf(Locale.ROOT, "eval: %s %s: top passage %s, rank %d, answer %s (%s), BM25 %d, dense %d, "
                + "reason %.2f s%n", corpus, question.id(), row.rank() == 1 ? "holds it" : "misses", row.rank(),
            row.answerHit() ? "right" : row.answer() == null ? "null" : "wrong", row.answer(), row.bm25Rank(),
            row.denseRank(), row.reasonSeconds());
      }
      if (baselines != null) {
        baselines.close();
      }
    }
  }

  private QuestionRows.Row ask(SparkSession session, Path work, RealQuestion question, Baselines baselines)
      throws IOException {
    Path output = work.resolve(question.id());
    List<String> args = new ArrayList<>(List.of("--input", input, "--output", output.toString(),
        "--question", question.question()));
    if (!jobOptions.isBlank()) {
      args.addAll(Arrays.asList(jobOptions.strip().split("\\s+")));
    }
    new ReelJob(ReelCommand.parseConfig(args.toArray(String[]::new))).run(session);
    JsonNode answer = JSON.readTree(output.resolve("answer.json").toFile());
    JsonNode metrics = JSON.readTree(output.resolve("metrics.json").toFile());
    List<String> evidence = new ArrayList<>();
    answer.path("evidence").forEach(e -> evidence.add(e.path("text").asText()));
    String reply = answer.path("answer").isNull() ? null : answer.path("answer").asText();
    int bm25 = baselines == null ? -1 : question.rank(baselines.bm25().search(question.question(), 10));
    int dense = baselines == null ? -1 : question.rank(baselines.dense().search(question.question(), 10));
    int denseInDocument = baselines == null || !question.answerable() ? -1 : baselines.rankInDocument(question);
    return new QuestionRows.Row(corpus, setting, question.id(), question.wording(), question.answerable(),
        question.rank(evidence), reply, question.answeredBy(reply), answer.path("answer_confidence").asDouble(),
        bm25, dense, metrics.path("stages").path("reason").path("seconds").asDouble(),
        metrics.path("rerank_seconds").asDouble(), metrics.path("tokens").asLong(), BenchReport.commit(),
        question.heldBy(plain(Files.readString(output.resolve("reel.md")))), denseInDocument);
  }

  /** reel.md's text without its Markdown: bold marks and escapes (see MarkdownHighlighter). */
  static String plain(String markdown) {
    return markdown.replace("**", "").replace("\\*", "*").replace("\\_", "_").replace("\\`", "`");
  }

  /** Every document's text as the job extracts it. */
  private List<String> texts(SparkSession session, ReelConfig defaults) throws IOException {
    FileSystem fs = FileSystem.get(new org.apache.hadoop.fs.Path(input).toUri(),
        session.sparkContext().hadoopConfiguration());
    FileStatus[] files = fs.globStatus(new org.apache.hadoop.fs.Path(input));
    if (files == null || files.length == 0) {
      throw new IOException("eval: no files match --input " + input);
    }
    FileIngestor ingestor = new FileIngestor(defaults.ingest(), new Configuration());
    List<String> texts = new ArrayList<>();
    for (FileStatus file : files) {
      for (IngestRecord record : ingestor.ingest(file.getPath().toString())) {
        if (!record.isReject()) {
          texts.add(record.text());
        }
      }
    }
    return texts;
  }

  /** A question whose evidence the corpus does not hold would score nothing: say so before any job runs. */
  private static void checkEvidence(List<RealQuestion> questions, List<String> texts) {
    String all = RealQuestion.normal(String.join("\n", texts));
    for (RealQuestion question : questions) {
      if (question.answerable() && !all.contains(RealQuestion.normal(question.evidence()))) {
        throw new IllegalArgumentException("eval: the evidence of " + question.id() + " is not in the corpus as "
            + "the job extracts it: " + question.evidence());
      }
    }
  }

  /**
   * The two baselines over the corpus's sentences, and each document's first sentence ({@code firsts}, one past the
   * end last) with the documents' texts as {@link RealQuestion#normal} makes them, to rank a question's answer among
   * its own document's sentences.
   */
  private record Baselines(Bm25Baseline bm25, DenseBaseline dense, SentenceEncoder encoder, List<String> normalTexts,
                           int[] firsts) {
    static Baselines build(List<String> texts, ReelConfig defaults, Path cache) throws IOException {
      SentencePassages.Cut cut = SentencePassages.cut(texts);
      List<String> passages = cut.passages();
      System.err.printf(Locale.ROOT, "eval: baselines over %d sentence passages%n", passages.size());
      ModelFiles files = new ModelFiles(defaults.model());
      byte[] tokenizerJson = files.tokenizerJson();
      SentenceEncoder encoder = SentenceEncoder.open(files.onnxModel(), Vocabulary.parse(tokenizerJson));
      return new Baselines(new Bm25Baseline(passages), DenseBaseline.build(passages, encoder, tokenizerJson, cache),
          encoder, texts.stream().map(RealQuestion::normal).toList(), cut.firsts());
    }

    /** Dense retrieval's rank of the answering sentence among the sentences of the document holding it; 0: none. */
    int rankInDocument(RealQuestion question) {
      String evidence = RealQuestion.normal(question.evidence());
      for (int d = 0; d < normalTexts.size(); d++) {
        if (normalTexts.get(d).contains(evidence)) {
          return dense.rankWithin(question.question(), firsts[d], firsts[d + 1], question::heldBy);
        }
      }
      return 0;
    }

    void close() throws IOException {
      try {
        bm25.close();
      } finally {
        encoder.close();
      }
    }
  }

  private void logRun() throws IOException {
    Files.createDirectories(results);
    Path runs = results.resolve("runs.md");
    if (!Files.exists(runs)) {
      Files.writeString(runs, "| date | commit | machine | corpus | setting | command |\n|---|---|---|---|---|---|\n");
    }
    String command = String.format(Locale.ROOT, "jobs/eval questions --set %s --input '%s' --corpus %s%s",
        String.join(",", sets.stream().map(Path::toString).toList()), input, corpus,
        jobOptions.isBlank() ? "" : " --setting " + setting + " --job-options \"" + jobOptions + "\"");
    Files.writeString(runs, String.format(Locale.ROOT, "| %s | %s | %s, %d cores | %s | %s | `%s` |%n",
        LocalDate.now(), BenchReport.commit(), BenchReport.cpuModel(), Runtime.getRuntime().availableProcessors(),
        corpus, setting, command), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
