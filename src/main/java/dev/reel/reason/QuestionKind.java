package dev.reel.reason;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What shape of answer a question asks for, read from its wording: a number or value, a file, path, parameter or
 * address, a person, a place, a time, every item of a kind, or (when nothing says) the answering clause.
 */
enum QuestionKind {
  /** "How many", "what is the default", "which version", "what size": a number with its unit, or a value. */
  VALUE,
  /** "Which file", "what parameter", "which command", "what is the URL": a path, name or address. */
  PATH,
  /** "Who wrote": a person's name (or address). */
  PERSON,
  /** "Where": a place, or a path when the question is about where something is kept. */
  PLACE,
  /** "When", "what year": a date or time. */
  TIME,
  /** "What are all", "which ... are there", "list": every item, each with its evidence. */
  LIST,
  /** Anything else: the clause that answers. */
  CLAUSE;

  /** "Which modes", "which files": a plural; "which procfs", "which process", "which status" are not. */
  private static final Pattern LIST_WORDING = Pattern.compile(
      "\\b(all|every|list|name (all|the))\\b|^(what|which) are the ([\\w-]+ ){0,3}[\\w-]+s\\b.*\\b(for|of|and)\\b"
      + "|^which [\\w-]*[^\\Wsuif]s\\b");
  private static final Pattern VALUE_WORDING = Pattern.compile(
      "\\b(default|maximum|minimum|max|min|limit|number|size|count|percentage|ratio|version|port|price|cost"
      + "|timeout|interval|value|threshold|amount|unit|units|delay|latency|duration|speed|rate|frequency)\\b");
  private static final Pattern PATH_WORDING = Pattern.compile("^(which|what)( \\S+)? (files?|paths?|director(y|ies)"
      + "|folders?|parameters?|arguments?|options?|commands?|variables?|settings?|flags?|sysctls?|knobs?|modules?|tools?"
      + "|programs?|utility|url|address|host|packages?|scripts?|device|interface|key|symbol|config|constant|macro"
      + "|function|field|attribute)\\b"
      + "|\\b(url|web ?site|e-?mail address|file name|filename)\\b");
  private static final Pattern STORED_WORDING = Pattern.compile(
      "\\b(stored|located|kept|found|configured|defined|documented|listed|exposed|set|looks?|reads?|writes?|logs?"
      + "|saved?|saves|mounted|installed)\\b");

  private static final Pattern LEADING_PREPOSITION = Pattern.compile(
      "^(in|on|with|from|to|at|for|by|under|into|through|of) (?=(which|what|who|whom|whose|where|when)\\b)");

  /**
   * A clause (or two) that sets the scene before the question proper: "On x86 machines, how much ...", "When the
   * pool is full, how long ...", "In 2.6 and upper, besides sysfs, in which file ...". Not a question that opens with its own
   * question word, after a preposition or not, and goes on after a comma ("What is X, and which Y ...", "With which
   * option were users naming the server, which they should now take out?").
   */
  private static final Pattern LEADING_CLAUSE = Pattern.compile(
      "^(?!((in|on|with|from|to|at|for|by|under|into|through|of) )?(what|which|who|whom|whose|how)\\b)"
      + "(?:[^,?]{1,120}?, ){1,2}(?=(how|what|which|who|whom|whose|where|when|in|on"
      + "|with|from|to|at|for|by|under)\\b)");

  private static final Pattern QUANTITY_WORDING = Pattern.compile(
      "^how (many|much|long|large|big|often|frequently|old|fast|far|soon)\\b");
  private static final Pattern PLACE_WORDING = Pattern.compile(
      "^(what|which) (town|city|country|state|place|region|county|village|location|continent)\\b");
  private static final Pattern DATE_WORDING = Pattern.compile("^(what|which) ([\\w-]+ )?(year|date|day|month|time)\\b");

  static QuestionKind of(String question) {
    if (question == null) {
      return CLAUSE;
    }
    String q = proper(question);
    if (LIST_WORDING.matcher(q).find()) {
      return LIST;
    }
    if (q.startsWith("who") || q.startsWith("whom") || q.startsWith("whose")) {
      return PERSON;
    }
    if (q.startsWith("where")) {
      return STORED_WORDING.matcher(q).find() ? PATH : PLACE;
    }
    if (PLACE_WORDING.matcher(q).find()) {
      return PLACE;
    }
    if (q.startsWith("when") || DATE_WORDING.matcher(q).find()) {
      return TIME;
    }
    if (PATH_WORDING.matcher(q).find()) {
      return PATH;
    }
    if (QUANTITY_WORDING.matcher(q).find() || VALUE_WORDING.matcher(q).find()) {
      return VALUE;
    }
    return CLAUSE;
  }

  /**
   * Whether the question names the shape of its answer outright: how many, how much, how long (a number); which file,
   * option, parameter or URL (a path); what date or year. Such a question is answered with an item of that shape or
   * not at all; "when" and "what is the default" are not strict, their answers are often a condition or a word.
   */
  static boolean namesItsShape(String question) {
    if (question == null) {
      return false;
    }
    String q = proper(question);
    return QUANTITY_WORDING.matcher(q).find() || DATE_WORDING.matcher(q).find()
        || (of(question) == PATH && PATH_WORDING.matcher(q).find());
  }

  /**
   * The question proper, lower case: after a leading clause ("On x86 machines, how much ...") and a leading
   * preposition ("With which option ...", "In what file ...").
   */
  private static String proper(String question) {
    String q = LEADING_CLAUSE.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
    return LEADING_PREPOSITION.matcher(q).replaceFirst("");
  }
}
