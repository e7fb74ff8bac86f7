package dev.reel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import dev.reel.HighlightReel;
import dev.reel.cli.ReelCommand;
import dev.reel.model.ModelFiles;
import dev.reel.tokenize.DocumentTokenizer;

/**
 * {@code jobs/bench ask}: prepare once, then ask 1, 10 and 100 questions over the prepared corpus, each run in its own
 * JVM; the one-shot job on the same input beside it.
 */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "jobs/reel prepare of a real-text corpus, "
    + "then jobs/reel ask of 1, 10 and 100 questions over it: total and marginal seconds per question; the "
    + "one-shot job with one question on the same input.")
final class AskBench implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand
  BenchCommand parent;

  @Option(names = "--from", split = ",", defaultValue = "corpora/prose/moby-dick,corpora/prose/sotu,corpora/prose/gcide",
      paramLabel = "DIR", description = "Corpus folders, read in this order (default: ${DEFAULT-VALUE}).")
  List<Path> from;

  @Option(names = "--size", defaultValue = "10M", paramLabel = "N", description = "Corpus tokens (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--counts", split = ",", defaultValue = "1,10,100", paramLabel = "N",
      description = "Questions per ask run (default: ${DEFAULT-VALUE}).")
  List<Integer> counts;

  @Option(names = "--questions", split = ",", paramLabel = "FILE",
      defaultValue = "jobs/questions/kernel-docs.jsonl,jobs/questions/mail.jsonl,jobs/questions/kernel-docs-heldout.jsonl",
      description = "JSON-lines question sets the questions are drawn from, in order, then topic questions about the "
          + "corpus fill up to the largest count (default: ${DEFAULT-VALUE}).")
  List<Path> questionSets;

  @Option(names = "--heap", defaultValue = "4g", description = "-Xmx of each JVM (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--work", defaultValue = "target/bench-ask", paramLabel = "DIR")
  Path work;

  @Option(names = "--out", defaultValue = "jobs/results/ask.md")
  Path out;

  @Override
  public Integer call() throws Exception {
    DocumentTokenizer tokenizer = DocumentTokenizer.of(new ModelFiles(ReelCommand.parseConfig("--input", ".",
        "--output", "unused", "--cache-dir", parent.cacheDir.toString()).model()).tokenizerJson());
    String sample = ScaleInput.sample(from, 2_000_000);
    double bytesPerToken = sample.getBytes(StandardCharsets.UTF_8).length / (double) tokenizer.tokenize(sample)[0].length;
    Path input = work.resolve("input");
    ScaleCommand.deleteTree(work);
    new ScaleInput(from, bytesPerToken).write(input, TokenCount.parse(size), "48213");
    List<String> questions = questions(counts.stream().mapToInt(Integer::intValue).max().orElse(1));

    Path corpus = work.resolve("corpus");
    System.err.println("bench: prepare " + size + " tokens ...");
    double prepareWall = ScaleRun.wallSeconds(List.of("prepare", "--input", input.toString(), "--corpus",
        corpus.toString()), heap, work.resolve("log-prepare.txt"));
    JsonNode prepared = JSON.readTree(corpus.resolve("metrics.json").toFile());
    List<String[]> rows = new ArrayList<>();
    for (int count : counts) {
      Path file = work.resolve("questions-" + count + ".jsonl");
      StringBuilder lines = new StringBuilder();
      for (int q = 0; q < count; q++) {
        lines.append(JSON.createObjectNode().put("id", "q" + q).put("question", questions.get(q))).append('\n');
      }
      Files.writeString(file, lines);
      Path output = work.resolve("ask-" + count);
      System.err.println("bench: ask " + count + " questions ...");
      double wall = ScaleRun.wallSeconds(List.of("ask", "--corpus", corpus.toString(), "--questions",
          file.toString(), "--output", output.toString()), heap, work.resolve("log-ask-" + count + ".txt"));
      rows.add(row(count, wall, JSON.readTree(output.resolve("metrics.json").toFile()), output));
      System.err.println("bench: " + String.join(" | ", rows.get(rows.size() - 1)));
    }
    System.err.println("bench: one-shot job, one question ...");
    ScaleRun.Result oneShot = ScaleRun.run(input, work.resolve("one-shot"), heap, 0, work.resolve("log-one-shot.txt"));
    BenchReport.write(out, report(prepared, prepareWall, rows, oneShot));
    return 0;
  }

  /** The question sets' questions in order, without repeats, then "What is said about W?" for corpus words. */
  private List<String> questions(int wanted) throws IOException {
    Set<String> questions = new LinkedHashSet<>();
    questions.add(ScaleInput.QUESTION);
    for (Path set : questionSets) {
      for (String line : Files.readAllLines(set)) {
        if (!line.isBlank() && questions.size() < wanted) {
          questions.add(JSON.readTree(line).path("question").asText());
        }
      }
    }
    String[] topics = {"whales", "taxes", "the navy", "slavery", "the harpoon", "education", "the economy", "Ahab",
        "the railroads", "immigration", "the tariff", "the sea", "agriculture", "the army", "the treaty", "gold",
        "the budget", "Queequeg", "peace", "the Constitution"};
    for (int t = 0; questions.size() < wanted; t++) {
      questions.add("What is said about " + topics[t % topics.length] + (t < topics.length ? "" : " " + t) + "?");
    }
    return new ArrayList<>(questions).subList(0, wanted);
  }

  private static String[] row(int count, double wall, JsonNode metrics, Path output) throws IOException {
    double answering = 0;
    for (String line : Files.readAllLines(output.resolve("answers.jsonl"))) {
      answering += JSON.readTree(line).path("seconds").asDouble();
    }
    double job = metrics.path("seconds").asDouble();
    return new String[] {Integer.toString(count), fmt("%.1f", wall), fmt("%.1f", job),
        fmt("%.1f", metrics.path("stages").path("model").path("seconds").asDouble()),
        fmt("%.1f", metrics.path("stages").path("read").path("seconds").asDouble()),
        Integer.toString(metrics.path("first_hop_passes").asInt()),
        fmt("%.1f", metrics.path("first_hop_score_seconds").asDouble()), fmt("%.1f", answering),
        fmt("%.2f", answering / count), fmt("%.2f", wall / count)};
  }

  private String report(JsonNode prepared, double prepareWall, List<String[]> rows, ScaleRun.Result oneShot) {
    StringBuilder md = new StringBuilder(BenchReport.header("Prepare once, ask many", command()));
    long tokens = prepared.path("tokens").asLong();
    md.append("Input: the corpus folders' files in name order until about ").append(size).append(" tokens (")
        .append(String.join(", ", from.stream().map(Path::toString).toList())).append("). Each step is jobs/reel in ")
        .append("its own JVM (-Xmx").append(heap).append(", embedded local Spark on every core); wall covers the ")
        .append("process, JVM start included. Questions: the passkey question, then those of ")
        .append(String.join(", ", questionSets.stream().map(Path::toString).toList()))
        .append(" in order, then \"What is said about W?\" for corpus topics: a timing workload, not a quality ")
        .append("measure (most are about other documents). Every question is one hop (--hops 0 and none is a fact ")
        .append("question); first hops are scored --questions-per-pass (" + HighlightReel.QUESTIONS_PER_PASS
        + ") at a time.\n\n");
    md.append("## prepare\n\n| tokens | documents | wall s | job s | ingest s | tokenize s | write s |\n|---|---|---|---|---|---|---|\n");
    md.append(String.join(" | ", "", fmt("%,d", tokens), fmt("%,d", prepared.path("documents_processed").asLong()),
        fmt("%.1f", prepareWall), fmt("%.1f", prepared.path("seconds").asDouble()),
        fmt("%.1f", prepared.path("stages").path("ingest").path("seconds").asDouble()),
        fmt("%.1f", prepared.path("stages").path("tokenize").path("seconds").asDouble()),
        fmt("%.1f", prepared.path("stages").path("write").path("seconds").asDouble()), "").strip()).append("\n\n");
    md.append("## ask\n\nfirst-hop score s: the scoring passes of every question's first hop (all chunks, every ")
        .append("question of a pass at once); answering s: the rest, summed over the questions (each one's reason ")
        .append("stage, its MiniLM re-rank, its writes).\n\n")
        .append("| questions | wall s | job s | model s | read s | scoring passes | first-hop score s | answering s | "
            + "answering s per question | wall s per question |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (String[] row : rows) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    if (rows.size() >= 2) {
      String[] first = rows.get(0);
      String[] last = rows.get(rows.size() - 1);
      double marginal = (Double.parseDouble(last[1]) - Double.parseDouble(first[1]))
          / (Integer.parseInt(last[0]) - Integer.parseInt(first[0]));
      md.append("\nMarginal wall seconds per question, ").append(first[0]).append(" to ").append(last[0])
          .append(" questions: ").append(fmt("%.2f", marginal)).append(".\n");
    }
    md.append("\n## one-shot\n\n`jobs/reel --input ... --question \"").append(ScaleInput.QUESTION)
        .append("\"` on the same input: wall ").append(fmt("%.1f", oneShot.wallSeconds())).append(" s (job ")
        .append(fmt("%.1f", oneShot.metrics().path("seconds").asDouble())).append(" s; answer ")
        .append(oneShot.answer()).append(").\n");
    return md.toString();
  }

  private String command() {
    return "jobs/bench ask --from " + String.join(",", from.stream().map(Path::toString).toList()) + " --size " + size
        + " --counts " + String.join(",", counts.stream().map(String::valueOf).toList()) + " --heap " + heap;
  }

  private static String fmt(String format, Object value) {
    return String.format(Locale.ROOT, format, value);
  }
}
