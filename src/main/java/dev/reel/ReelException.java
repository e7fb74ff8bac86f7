package dev.reel;

import java.util.List;
import dev.reel.config.QuestionFile;

/**
 * A failure the user can fix (bad input, empty corpus, unusable model file). The CLI prints its message on one line
 * and exits non-zero, without a stack trace unless --verbose.
 */
public final class ReelException extends RuntimeException {
  private ReelException(String message, Throwable cause) {
    super(message, cause);
  }

  public static ReelException inputMissing(String input, Throwable cause) {
    return new ReelException("ingest: input path does not exist: " + input + " (--input)", cause);
  }

  public static ReelException emptyCorpus(String input, long files, long rejected) {
    return new ReelException("ingest: no readable document in " + input + " (" + files + " files, " + rejected
        + " rejected; see rejects.json in the output directory)", null);
  }

  public static ReelException outputUnwritable(String output, Throwable cause) {
    return new ReelException(cause.getMessage() + " (--output " + output + ")", cause);
  }

  public static ReelException noTokens(String input) {
    return new ReelException("tokenize: the documents of " + input + " hold no tokens", null);
  }

  public static ReelException corpusUnusable(String stage, String corpus, Throwable cause) {
    return new ReelException(stage + ": " + cause.getMessage() + " (--corpus " + corpus + ")", cause);
  }

  public static ReelException foreignCorpus(String stage, String corpus, String what, String prepared,
                                           String running) {
    return new ReelException(stage + ": the corpus at " + corpus + " was prepared with " + what + " " + prepared
        + "; this run uses " + running + ": prepare it again with this " + what + ", or ask with the same one", null);
  }

  public static ReelException questionsUnreadable(String file, Throwable cause) {
    return new ReelException("ask: cannot read --questions " + file + ": " + cause.getMessage(), cause);
  }

  public static ReelException noQuestions(String from, List<QuestionFile.Rejected> rejected) {
    return new ReelException("ask: no question to ask in " + from + " (" + rejected.size() + " lines rejected"
        + (rejected.isEmpty() ? "" : "; the first, line " + rejected.get(0).line() + ": " + rejected.get(0).reason())
        + ")", null);
  }
}
