package dev.reel.facts;

/**
 * One event a sentence states, in the few shapes the reasoner relates: a person moves to a place, takes, drops or
 * hands over an object, or a variable is assigned a value or another variable. Names are kept as written (the answer
 * quotes them) and compared by {@link #key}.
 *
 * @param kind      what happened
 * @param actor     who did it (the person; null for an assignment)
 * @param thing     what it happened to (the object, or the assigned variable; null for a move)
 * @param target    where it led: the place moved to, the person handed to, or the value assigned
 * @param statement the sentence that states it
 */
public record Fact(Kind kind, String actor, String thing, String target, Statement statement) {
  /** The shapes of fact. */
  public enum Kind { MOVE, TAKE, DROP, GIVE, ASSIGN }

  public long position() {
    return statement.position();
  }

  /** A leading article or the RULER "VAR" mark, which a name's key leaves out. */
  private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("^(the|a|an|var)\\s+");

  /** How a name compares: lower case, without a leading article or the RULER "VAR" mark. */
  public static String key(String name) {
    if (name == null) {
      return null;
    }
    // Compiled once: the reasoner compares keys for every fact on every step of a chain.
    return MARK.matcher(name.strip().toLowerCase(java.util.Locale.ROOT)).replaceFirst("");
  }

  /**
   * Whether this fact's role {@code name} (actor, thing or target) is {@code entity}: the same key, or a longer phrase
   * with it as its last word ("the red ball" is "ball").
   */
  boolean names(String name, String entity) {
    if (name == null) {
      return false;
    }
    String key = key(name);
    return key.equals(entity) || key.endsWith(" " + entity);
  }
}
