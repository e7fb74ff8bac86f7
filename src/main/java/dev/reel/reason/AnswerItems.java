package dev.reel.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items of a kind a sentence holds, with where they stand: numbers with their unit, paths, parameters and
 * addresses, people's names, places, dates. Each item is whole words of the sentence, never a cut word.
 */
final class AnswerItems {
  /** A piece of a sentence: {@code [start, end)} in it. */
  record Item(String text, int start, int end) {}

  /** The shapes of item a question can ask for. */
  enum Shape {
    NUMBER, PATH, NAME, PLACE, DATE,
    /** A unit of measure ("seconds", "KB"), for "in which unit". */
    UNIT,
    /** Narrower paths, for a question that names what it wants: "which flag", "which file", "what URL". */
    OPTION, FILE, URL,
    /** A variable on the left of an assignment: "B" of "VAR B = VAR A", "x" of "x = 5". */
    ASSIGNED;

    /** The shape an answer of this kind takes; null for a clause or a list, which have none of their own. */
    static Shape of(QuestionKind kind) {
      return switch (kind) {
        case VALUE -> NUMBER;
        case PATH -> PATH;
        case PERSON -> NAME;
        case PLACE -> PLACE;
        case TIME -> DATE;
        case LIST, CLAUSE -> null;
      };
    }
  }

  /** Units a number is read with ("1024KB", "30 seconds"), and what "in which unit" asks for. */
  private static final String UNITS = "percent|[kKMGT]i?B|[kKMG]b|bytes?|bits?|[mun]s|msecs?|usecs?|seconds?|secs?"
      + "|minutes?|mins?|hours?|days?|weeks?|months?|years?|pages?|[kKMG]?Hz|jiffies|sectors?|blocks?|entries|times"
      + "|cores?|CPUs?|degrees?|dollars?|euros?|USD|EUR|lines?|characters?|chars|microseconds?|milliseconds?"
      + "|nanoseconds?";
  private static final String UNIT = "(?:%|\\s?(?:" + UNITS + ")\\b)?";
  private static final Pattern UNIT_WORD = Pattern.compile("\\b(?:" + UNITS + ")\\b");
  /** A number written as a word counts only with its unit ("five seconds"; "one of them" is no value). */
  private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
      + "|twenty|thirty|forty|fifty|sixty|ninety|hundred|thousand";
  /**
   * A number, a ratio ("2:1") or a range of two ("350-450 msec"), with its unit; never a piece of a date
   * ("2002-08-26") or of a time ("18:27:05"); or a number word with its unit.
   */
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\w.:]|\\d[-–])(?:[$€£]\\s?)?(?:0x[0-9a-fA-F]+|\\d+:\\d+(?![:\\d])|\\d+(?:[.,]\\d+)*(?:[-–]\\d+(?:[.,]\\d+)*)?)"
      + UNIT
      + "(?![\\w]|[-–:]\\d)|\\b(?i:" + NUMBER_WORDS + ")\\s(?:" + UNITS + ")\\b");
  private static final String URL = "https?://[^\\s<>()]+[^\\s<>().,;:]|\\bwww\\.[\\w-]+(?:\\.[\\w-]+)+(?:/[^\\s<>()]*)?"
      + "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+";
  private static final String FILE = "(?<![\\w/:.])~?/[\\w.@%+-]+(?:/[\\w.@%+*-]+)*/?"
      + "|(?<![\\w/.:-])[\\w-]+/[\\w.-]+(?:/[\\w.*-]+)*"
      + "|(?<![\\w/.:-])[\\w-]+\\.(?:[a-z]{1,4}|conf|json|html|yaml)\\b(?![/.]\\w)";
  private static final String OPTION = "(?<![\\w.-])--?[a-zA-Z][\\w-]*(?:=\\S+)?";
  private static final String IDENTIFIER = "\\b[A-Za-z]\\w*(?:\\.[A-Za-z0-9_]\\w*)+\\b"
      + "|\\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\\b|\\b[a-z]+[A-Z]\\w*\\b";
  private static final Pattern PATH = Pattern.compile(String.join("|", URL, FILE, OPTION, IDENTIFIER));
  private static final Pattern URL_ONLY = Pattern.compile(URL);
  private static final Pattern FILE_ONLY = Pattern.compile(FILE);
  private static final Pattern OPTION_ONLY = Pattern.compile(OPTION);
  private static final Pattern NAME = Pattern.compile(
      "\\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?: [A-Z]\\.)?(?: (?:van |de |von )?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?){1,2}\\b");
  private static final Pattern PLACE = Pattern.compile(
      "\\b(?:in|at|on|from|to|near)\\s+((?:the\\s+)?[A-Z][\\w'-]*(?:\\s+(?:of\\s+)?[A-Z][\\w'-]*)*)");
  private static final Pattern DATE = Pattern.compile("\\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?"
      + "(?:\\d{1,2}\\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?"
      + ",?(?:\\s+\\d{4})?\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b(?:19|20)\\d{2}\\b|\\b\\d{1,2}(?::\\d{2})+\\s?(?:[ap]m)?\\b");

  private static final Pattern ASSIGNED = Pattern.compile("(?:\\bVAR\\s+)?\\b([A-Za-z_]\\w*)\\s*=(?!=)");
  /** "writeback, writethrough and passthrough": three or more words or short phrases in a row. */
  private static final Pattern ENUMERATION = Pattern.compile(
      "\\b[\\w-]+(?: [\\w-]+)?(?:, [\\w-]+(?: [\\w-]+)?)+,? (?:and|or) [\\w-]+(?: [\\w-]+)?\\b");
  private static final Pattern ENUMERATION_SEPARATOR = Pattern.compile(",? (?:and|or) |, ");

  private AnswerItems() {}

  /** The members of the first enumeration in a sentence ("a, b and c"), leading function words dropped. */
  static List<Item> enumeration(String sentence) {
    Matcher m = ENUMERATION.matcher(sentence);
    List<Item> items = new ArrayList<>();
    if (m.find()) {
      int at = m.start();
      for (String member : ENUMERATION_SEPARATOR.split(m.group())) {
        int start = sentence.indexOf(member, at);
        at = start + member.length();
        String word = member.replaceFirst("^(?i)(the|a|an) ", "");
        items.add(new Item(word, start + member.length() - word.length(), at));
      }
    }
    return items;
  }

  /**
   * The narrower path a question names, tried before any path: "which flag" wants an option, "which file" a file,
   * "what URL" an address; null when it names none of them.
   */
  static Shape pathShape(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    if (q.matches(".*\\b(options?|flags?|switch(es)?|arguments?)\\b.*")) {
      return Shape.OPTION;
    }
    if (q.matches(".*\\b(files?|file ?names?|scripts?|directory|directories|folders?|paths?)\\b.*")) {
      return Shape.FILE;
    }
    if (q.matches(".*\\b(urls?|web ?sites?|sites?|links?|addresses|address|hosts?|pages?)\\b.*")) {
      return Shape.URL;
    }
    return null;
  }

  /** The items of {@code shape} in {@code sentence}, in sentence order; none for a null shape. */
  static List<Item> find(Shape shape, String sentence) {
    if (shape == null) {
      return List.of();
    }
    return switch (shape) {
      case NUMBER -> matches(NUMBER, sentence, 0);
      case PATH -> matches(PATH, sentence, 0);
      case NAME -> withoutSentenceStarts(matches(NAME, sentence, 0));
      case PLACE -> matches(PLACE, sentence, 1);
      case DATE -> matches(DATE, sentence, 0);
      case ASSIGNED -> matches(ASSIGNED, sentence, 1);
      case UNIT -> matches(UNIT_WORD, sentence, 0);
      case OPTION -> matches(OPTION_ONLY, sentence, 0);
      case FILE -> matches(FILE_ONLY, sentence, 0);
      case URL -> matches(URL_ONLY, sentence, 0);
    };
  }

  /**
   * The items a list question wants: variables when it asks which variables, values when it asks for numbers,
   * people, dates, paths and parameters when it names them; null when it names none of these (then an enumeration
   * of plain words, "writeback, writethrough and passthrough", answers).
   */
  static Shape listShape(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    if (q.matches(".*\\bvariables\\b.*")) {
      return Shape.ASSIGNED;
    }
    if (q.matches(".*\\b(dates|days|years)\\b.*")) {
      return Shape.DATE;
    }
    if (q.matches(".*\\b(numbers|values|ids|sizes|ports|versions|digits|amounts)\\b.*")) {
      return Shape.NUMBER;
    }
    if (q.matches(".*\\b(people|persons|authors|maintainers|who)\\b.*")) {
      return Shape.NAME;
    }
    if (q.matches(".*\\b(files|paths|directories|folders|options|parameters|commands|flags|settings|sysctls"
        + "|modules|programs|tools|urls|addresses|hosts|packages|scripts|devices|interfaces|symbols)\\b.*")) {
      return Shape.PATH;
    }
    return null;
  }

  private static List<Item> matches(Pattern pattern, String sentence, int group) {
    List<Item> items = new ArrayList<>();
    Matcher m = pattern.matcher(sentence);
    while (m.find()) {
      String text = m.group(group).strip();
      if (!text.isEmpty()) {
        items.add(new Item(text, m.start(group), m.end(group)));
      }
    }
    return items;
  }

  /** A capitalised run led by a function word ("The Linux", "In Dublin") is a sentence's start, not a name. */
  private static List<Item> withoutSentenceStarts(List<Item> names) {
    List<Item> kept = new ArrayList<>();
    for (Item name : names) {
      String first = name.text().split(" ")[0].toLowerCase(Locale.ROOT);
      if (!dev.reel.tokenize.QuestionTokens.isStopword(first)) {
        kept.add(name);
      }
    }
    return kept;
  }
}
