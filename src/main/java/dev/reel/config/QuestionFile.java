package dev.reel.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The questions of an {@code ask} run: JSON lines ({@code id}, {@code question}, optional {@code hops}) from any
 * Hadoop file system. A line that cannot be asked (not JSON, no question, a blank one, a repeated id, hops out of
 * range) is rejected with its reason; the others are asked.
 */
public final class QuestionFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Most hops a question line may ask for, as --hops allows. */
  private static final int MAX_HOPS = 16;

  /** @param hops at most this many hops; 0 lets the question decide, as --hops 0 does */
  public record Question(String id, String text, int hops) {}

  /** @param line the line's number in the file, from 1 */
  public record Rejected(int line, String text, String reason) {}

  public record Parsed(List<Question> questions, List<Rejected> rejected) {}

  private QuestionFile() {}

  public static Parsed read(String uri, Configuration hadoop, int defaultHops) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(hadoop);
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    }
    return parse(lines, defaultHops);
  }

  /** One question given on the command line, checked as a line of a file would be. */
  public static Parsed single(String id, String text, int defaultHops) {
    return parse(List.of(JSON.createObjectNode().put("id", id).put("question", text).toString()), defaultHops);
  }

  /** Parses JSON lines; blank lines are skipped, line numbers count every line. */
  public static Parsed parse(List<String> lines, int defaultHops) {
    List<Question> questions = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      if (line.isBlank()) {
        continue;
      }
      String reason;
      try {
        JsonNode node = JSON.readTree(line);
        reason = problem(node, ids);
        if (reason == null) {
          String id = node.has("id") ? node.get("id").asText() : "line-" + n;
          ids.add(id);
          questions.add(new Question(id, node.get("question").asText().strip(),
              node.has("hops") ? node.get("hops").asInt() : defaultHops));
          continue;
        }
      } catch (JsonProcessingException e) {
        reason = "not a JSON object: " + e.getOriginalMessage();
      }
      rejected.add(new Rejected(n, line, reason));
    }
    return new Parsed(questions, rejected);
  }

  private static String problem(JsonNode node, Set<String> ids) {
    if (node == null || !node.isObject()) {
      return "not a JSON object";
    }
    JsonNode question = node.get("question");
    if (question == null || !question.isTextual()) {
      return "no \"question\" text";
    }
    if (question.asText().isBlank()) {
      return "the question is empty";
    }
    if (node.has("id") && !node.get("id").isValueNode()) {
      return "\"id\" must be a string or a number";
    }
    if (node.has("id") && ids.contains(node.get("id").asText())) {
      return "repeats the id \"" + node.get("id").asText() + "\" of an earlier line";
    }
    JsonNode hops = node.get("hops");
    if (hops != null && (!hops.canConvertToInt() || !hops.isIntegralNumber() || hops.asInt() < 0
        || hops.asInt() > MAX_HOPS)) {
      return "\"hops\" must be a whole number from 0 to " + MAX_HOPS;
    }
    return null;
  }
}
