package dev.reel.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A question written from a real document, with what counts as its answer (a line of a question set under
 * {@code jobs/questions/}).
 *
 * @param id       unique in its set
 * @param question the question as a user asks it
 * @param answers  accepted answers, each found in the answering sentence; empty for a question nothing answers
 * @param all      whether an answer must hold every accepted answer (a list question) rather than one
 * @param evidence a piece of the answering sentence: a passage holding it holds the answer's sentence
 * @param source   the document it comes from (file name or mail subject)
 * @param wording  "same" (the question reuses the document's words) or "different" (a paraphrase)
 * @param kind     the kind of answer, as the set's author saw it
 */
record RealQuestion(String id, String question, List<String> answers, boolean all, String evidence, String source,
                    String wording, String kind) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  RealQuestion {
    answers = answers == null ? List.of() : List.copyOf(answers);
  }

  boolean answerable() {
    return evidence != null && !answers.isEmpty();
  }

  /** Whether a passage holds the answering sentence's piece. */
  boolean heldBy(String passage) {
    return answerable() && passage != null && normal(passage).contains(normal(evidence));
  }

  /** Whether an answer holds an accepted answer (every one, for a list question). */
  boolean answeredBy(String answer) {
    if (!answerable() || answer == null) {
      return false;
    }
    String reply = normal(answer);
    return all ? answers.stream().allMatch(a -> reply.contains(normal(a)))
        : answers.stream().anyMatch(a -> reply.contains(normal(a)));
  }

  /** 1-based rank of the first passage holding the answering sentence, 0 when none does. */
  int rank(List<String> passages) {
    for (int i = 0; i < passages.size(); i++) {
      if (heldBy(passages.get(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Lower case, typographic quotes plain, every run of white space one space. */
  static String normal(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[\u2018\u2019]", "'").replaceAll("[\u201c\u201d]", "\"")
        .replaceAll("\\s+", " ").strip();
  }

  static List<RealQuestion> read(Path file) throws IOException {
    List<RealQuestion> questions = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        questions.add(JSON.readValue(line, RealQuestion.class));
      }
    }
    return questions;
  }
}
