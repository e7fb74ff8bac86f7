package dev.reel.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.reel.AskJob;
import dev.reel.HighlightReel;
import dev.reel.ReelException;
import dev.reel.config.QuestionFile;
import dev.reel.config.ReelConfig;

/** {@code jobs/reel ask}: one question or a file of them over a corpus made by {@code prepare}. */
@Command(name = "ask", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Asks questions over a corpus made by reel prepare, reading it once. Writes",
        "answers.jsonl and answers.parquet (a row per question), reel.parquet (every",
        "kept token, with a question_id column), questions/ID/ (each question's",
        "answer.json, reel.md, metrics.json, and reel.png for the first --plots),",
        "question_rejects.json (lines that could not be asked, with the reason) and",
        "metrics.json; _SUCCESS last."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:answers written (rejected question lines are listed in question_rejects.json)",
        "1:internal failure (see the log)", "2:invalid option",
        "3:input problem: missing or foreign corpus, unreadable questions file, no question to ask"})
final class AskCommand implements Callable<Integer> {
  @Option(names = "--corpus", required = true, paramLabel = "DIR",
      description = "A corpus directory written by reel prepare.")
  String corpus;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Asked asked;

  /** One question on the command line, or a file of them. */
  static final class Asked {
    @Option(names = "--question", paramLabel = "TEXT", description = "One question (its id: 1).")
    String question;

    @Option(names = "--questions", paramLabel = "FILE",
        description = "JSON lines, each {\"id\": ..., \"question\": ..., optional \"hops\": N}, on any "
            + "Hadoop file system.")
    String file;
  }

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Directory for the answers, on any Hadoop file system.")
  String output;

  @Option(names = "--plots", defaultValue = "10", paramLabel = "N",
      description = "Questions, from the first, that get a reel.png (default: ${DEFAULT-VALUE}).")
  int plots;

  @Option(names = "--questions-per-pass", defaultValue = "" + HighlightReel.QUESTIONS_PER_PASS, paramLabel = "N",
      description = "Questions whose first hops share one scoring pass over the corpus; the driver holds one "
          + "--buffer-mb buffer per question of a pass, so at most N x --buffer-mb of kept tokens "
          + "(default: ${DEFAULT-VALUE}).")
  int perPass;

  @Mixin
  AskingOptions asking = new AskingOptions();

  @Mixin
  ModelTuning model = new ModelTuning();

  @Mixin
  RunOptions run = new RunOptions();

  @Override
  public Integer call() throws Exception {
    ReelConfig config = Parsing.checked(this, () -> asking.config(null, model.options(), null, output));
    if (plots < 0 || perPass < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), plots < 0
          ? "--plots must be 0 or more; found " + plots : "--questions-per-pass must be 1 or more; found " + perPass);
    }
    RuntimeSettings.apply(config.model().cacheDir());
    try (SparkSession session = RuntimeSettings.session("reel-ask", run.master)) {
      QuestionFile.Parsed questions = questions(session);
      if (questions.questions().isEmpty()) {
        throw ReelException.noQuestions(asked.file != null ? asked.file : "--question", questions.rejected());
      }
      new AskJob(config, corpus, questions, plots, perPass).run(session);
    }
    return 0;
  }

  private QuestionFile.Parsed questions(SparkSession session) {
    if (asked.question != null) {
      return QuestionFile.single("1", asked.question, asking.hops);
    }
    try {
      return QuestionFile.read(asked.file, session.sparkContext().hadoopConfiguration(), asking.hops);
    } catch (IOException e) {
      throw ReelException.questionsUnreadable(asked.file, e);
    }
  }
}
