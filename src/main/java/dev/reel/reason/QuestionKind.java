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

  private static final Pattern LIST_WORDING = Pattern.compile(
      "\\b(all|every|list|name (all|the))\\b|^(what|which) are the ([\\w-]+ ){0,3}[\\w-]+s\\b.*\\b(for|of|and)\\b"
      + "|^which [\\w-]+s\\b");
  private static final Pattern VALUE_WORDING = Pattern.compile(
      "^how (many|much|long|large|big|often|frequently|old|fast|far|soon)\\b"
      + "|\\b(default|maximum|minimum|max|min|limit|number|size|count|percentage|ratio|version|port|price|cost"
      + "|timeout|interval|value|threshold|amount|unit|units|delay|latency|duration|speed|rate|frequency)\\b");
  private static final Pattern PATH_WORDING = Pattern.compile("^(which|what)( \\S+)? (file|files|path|directory"
      + "|folder|parameter|option|command|variable|setting|flag|sysctl|knob|module|tool|program|utility|url|address"
      + "|host|package|script|device|interface|key|symbol|config|constant|macro|function|field|attribute)\\b"
      + "|\\b(url|web ?site|e-?mail address|file name|filename)\\b");
  private static final Pattern STORED_WORDING = Pattern.compile(
      "\\b(stored|located|kept|found|configured|defined|documented|listed|exposed|set|looks?|reads?|writes?|logs?"
      + "|saved?|saves|mounted|installed)\\b");

  private static final Pattern LEADING_PREPOSITION = Pattern.compile(
      "^(in|on|with|from|to|at|for|by|under|into|through|of) (?=(which|what|who|whom|whose|where|when)\\b)");

  /**
   * A clause that sets the scene before the question proper: "On x86 machines, how much ...", "When the pool is
   * full, how long ...", "Since there is no patent yet, how is ...". Not a question that opens with its own
   * question word and goes on after a comma ("What is X, and which Y ...").
   */
  private static final Pattern LEADING_CLAUSE = Pattern.compile(
      "^(?!(what|which|who|whom|whose|how)\\b)[^,?]{1,120}?, (?=(how|what|which|who|whom|whose|where|when|in|on"
      + "|with|from|to|at|for|by|under)\\b)");

  static QuestionKind of(String question) {
    if (question == null) {
      return CLAUSE;
    }
    // "With which option ...", "In what file ...": the question word after a leading preposition; "On x86
    // machines, how much ...": the question after a leading clause.
    String q = LEADING_CLAUSE.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
    q = LEADING_PREPOSITION.matcher(q).replaceFirst("");
    if (LIST_WORDING.matcher(q).find()) {
      return LIST;
    }
    if (q.startsWith("who") || q.startsWith("whom") || q.startsWith("whose")) {
      return PERSON;
    }
    if (q.startsWith("where")) {
      return STORED_WORDING.matcher(q).find() ? PATH : PLACE;
    }
    if (q.startsWith("when") || q.matches("^(what|which) (year|date|day|month|time)\\b.*")) {
      return TIME;
    }
    if (PATH_WORDING.matcher(q).find()) {
      return PATH;
    }
    if (VALUE_WORDING.matcher(q).find()) {
      return VALUE;
    }
    return CLAUSE;
  }
}
