package dev.reel.reason;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The specifics a question names on its own, numbers and identifiers, which the document of its answer must hold:
 * without them a passage close in words and meaning is about a neighbouring thing (another version, another
 * subsystem's setting of the same name).
 */
final class NamedSpecifics {
  /** A number standing on its own in the question: not part of a word, a name or a range ("x86", "16-core"). */
  private static final Pattern NAMED_NUMBER = Pattern.compile("(?<![\\w.-])\\d+(?:\\.\\d+)*(?![\\w-]|\\.\\d)");
  /** Words joined by dots, underscores or slashes in the question: a sysctl, a file, a parameter. */
  private static final Pattern NAMED_IDENTIFIER = Pattern.compile(
      "(?<![\\w./-])/?[\\w-]+(?:[._/][\\w-]+)+(?![\\w/-]|\\.\\w)");

  private NamedSpecifics() {}

  /**
   * Whether the best passage's document (its passages among {@code ranked}) holds every number and every identifier
   * the question names on its own: a version or a count ("SpamAssassin 3.0", "Red Hat Linux 9"), a sysctl, file or
   * parameter ("fs.inotify.max_user_watches", "/proc/sys/kernel/sysrq"). A passage about another version, or about
   * epoll's max_user_watches, answers another question.
   */
  static boolean heldBy(String question, List<SemanticRerank.Scored> ranked) {
    List<String> numbers = NAMED_NUMBER.matcher(question).results().map(MatchResult::group).toList();
    List<String> identifiers = NAMED_IDENTIFIER.matcher(question).results().map(MatchResult::group)
        .filter(NamedSpecifics::isIdentifier).map(name -> name.toLowerCase(Locale.ROOT)).toList();
    if (numbers.isEmpty() && identifiers.isEmpty()) {
      return true;
    }
    Evidence best = ranked.get(0).passage();
    List<String> texts = ranked.stream().map(SemanticRerank.Scored::passage)
        .filter(p -> p.source().equals(best.source()) && p.docId().equals(best.docId()))
        .map(p -> p.text().toLowerCase(Locale.ROOT)).toList();
    return numbers.stream().map(number -> Pattern.compile("(?<![\\w.-])" + Pattern.quote(number) + "(?![\\w-]|\\.\\d)"))
            .allMatch(standing -> texts.stream().anyMatch(text -> standing.matcher(text).find()))
        && identifiers.stream().allMatch(name -> texts.stream().anyMatch(text -> text.contains(name)));
  }

  /** An identifier is at least two pieces of two characters or more ("mt.cfg"; not "e.g", "I/O", "RH8.0"). */
  private static boolean isIdentifier(String name) {
    String[] pieces = name.replaceFirst("^/", "").split("[._/]");
    return pieces.length >= 2 && Arrays.stream(pieces).allMatch(piece -> piece.length() >= 2)
        && !name.matches("[\\d.]+");
  }
}
