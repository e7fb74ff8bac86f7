package dev.reel.facts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question the reasoner answers by relating facts rather than by quoting one sentence: where a person or an
 * object is now ("Where is the football?"), where it was before a place ("Where was the football before the
 * hallway?"), or what a variable's chain resolves to ("What is the value of VAR KDJSE?"). Only these whole shapes
 * parse: a question with more words ("Where is the default location of core dumps?") is no fact question.
 *
 * @param kind   which of the three
 * @param entity the person, object or variable asked about, as written
 * @param before for {@link Kind#BEFORE}: the place whose predecessor is asked for; null otherwise
 */
public record FactQuestion(Kind kind, String entity, String before) {
  /** The shapes of fact question. */
  public enum Kind { WHERE, BEFORE, VALUE }

  /** A name, or an article and up to three words ("the red ball"). */
  private static final String THING = "((?:the\\s+|a\\s+|an\\s+)?[A-Za-z][\\w-]*(?:\\s+(?!now\\b|before\\b)[a-z][\\w-]*){0,2})";
  private static final Pattern WHERE = Pattern.compile("(?i)^\\s*where\\s+(?:is|'s)\\s+" + THING
      + "(?:\\s+now)?\\s*\\??\\s*$");
  private static final Pattern BEFORE = Pattern.compile("(?i)^\\s*where\\s+was\\s+" + THING
      + "\\s+before\\s+(?:(?:it|he|she)\\s+(?:was\\s+in|went\\s+to)\\s+)?((?:the\\s+)?[A-Za-z][\\w -]*?)\\s*\\??\\s*$");
  private static final Pattern VALUE = Pattern.compile("(?i)^\\s*what\\s+is\\s+the\\s+value\\s+of\\s+"
      + "((?:VAR\\s+)?[A-Za-z_][\\w.]*)\\s*\\??\\s*$");

  /** The fact question {@code text} asks, or null when it is none. */
  public static FactQuestion parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = BEFORE.matcher(text);
    if (m.matches()) {
      return new FactQuestion(Kind.BEFORE, m.group(1), m.group(2));
    }
    m = WHERE.matcher(text);
    if (m.matches()) {
      return new FactQuestion(Kind.WHERE, m.group(1), null);
    }
    m = VALUE.matcher(text);
    return m.matches() ? new FactQuestion(Kind.VALUE, m.group(1), null) : null;
  }

  /** The entity's comparison key (see {@link Fact#key}). */
  public String entityKey() {
    return Fact.key(entity);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + "(" + entity + (before == null ? "" : ", before " + before) + ")";
  }
}
