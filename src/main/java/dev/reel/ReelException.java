package dev.reel;

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
}
