package dev.reel.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts a sentence states, in the shapes {@link Fact.Kind} names: "Mary went back to the garden", "John
 * picked up the football", "Sandra handed the apple to Daniel", "VAR KDJSE = VAR QPRZT". A person is a capitalised
 * word before the verb; a place or an object is an article and its noun (or a capitalised name). Anything else in
 * the sentence is ignored: the reasoner needs who, what and where, and in which order.
 */
public final class FactReader {
  /** Capitalised words that start sentences without naming anyone: pronouns, days, fillers. */
  private static final String NOT_A_NAME = "(?!(?:He|She|It|They|We|I|You|This|That|These|Those|There|Here|Then|"
      + "Just|Who|What|Which|Everyone|Someone|Nobody|Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|"
      + "Saturday|Sunday)\\b)";
  private static final String NAME = "\\b" + NOT_A_NAME + "([A-Z][a-z]+)\\s+(?:then\\s+|later\\s+|also\\s+)?";
  /** An article and up to three words (cut at the first function word, see {@link #phrase}), or a capitalised name. */
  private static final String PLACE = "((?:the|a|an)\\s+[a-z]+(?:[ -][a-z]+){0,2}|[A-Z][a-z]+)";
  private static final String OBJECT = "((?:the|a|an)\\s+[a-z]+(?:[ -][a-z]+){0,2})";
  private static final String TO_NAME = "\\s+to\\s+([A-Z][a-z]+)";
  /** Words that end a noun phrase: "the kitchen to cook", "a loaded musket from the rack". */
  private static final java.util.Set<String> PHRASE_ENDS = java.util.Set.of("to", "from", "in", "on", "at", "with",
      "and", "or", "but", "that", "which", "who", "of", "for", "into", "onto", "while", "as", "by", "after", "before",
      "then", "where", "when", "because", "again", "back", "there", "here", "up", "down", "is", "was", "were");

  private static final Pattern MOVE = Pattern.compile(NAME + "(?:went|moved|travelled|traveled|journeyed|walked|ran"
      + "|returned|headed|hurried|wandered|drove|flew|came)(?:\\s+back)?\\s+(?:over\\s+)?(?:to|into|towards?)\\s+"
      + PLACE);
  private static final Pattern IS_IN = Pattern.compile(NAME + "(?:is|was)\\s+(?:now\\s+|still\\s+)?(?:in|at|inside)"
      + "\\s+" + PLACE);
  private static final Pattern TAKE = Pattern.compile(NAME
      + "(?:picked\\s+up|took|grabbed|got|collected|fetched|lifted|seized)\\s+" + OBJECT);
  private static final Pattern TAKE_UP = Pattern.compile(NAME + "picked\\s+" + OBJECT + "\\s+up\\b");
  private static final Pattern DROP = Pattern.compile(NAME
      + "(?:dropped|discarded|abandoned|put\\s+down|set\\s+down|laid\\s+down)\\s+" + OBJECT);
  private static final Pattern DROP_DOWN = Pattern.compile(NAME + "(?:put|set|laid)\\s+" + OBJECT + "\\s+down\\b");
  private static final Pattern GIVE = Pattern.compile(NAME + "(?:gave|handed|passed)\\s+" + OBJECT + TO_NAME);
  private static final Pattern GIVE_TO = Pattern.compile(NAME + "(?:gave|handed|passed)\\s+([A-Z][a-z]+)\\s+"
      + OBJECT);
  /** A name assigned a literal or another name; not a call, an index or a piece of a longer token ("q=1f-rv"). */
  private static final Pattern ASSIGN = Pattern.compile("(?<![\\w.\\[])((?:VAR\\s+)?[A-Za-z_]\\w*)\\s*=\\s*"
      + "((?:VAR\\s+)?[A-Za-z_]\\w*|-?\\d[\\d,]*(?:\\.\\d+)?)(?![\\w(\\[-]|\\.\\S)");
  /** A sentence: up to terminal punctuation followed by a space or the end ("vm.swappiness" is one word), or a line. */
  private static final Pattern SENTENCE = Pattern.compile("[^\\n]+?(?:[.!?]+(?=\\s|$)|$)", Pattern.MULTILINE);

  private FactReader() {}

  /** The sentences of {@code text} as [start, end) character ranges, blank ones left out. */
  public static List<int[]> sentences(String text) {
    List<int[]> ranges = new ArrayList<>();
    Matcher m = SENTENCE.matcher(text);
    while (m.find()) {
      if (!m.group().isBlank()) {
        int start = m.start();
        while (Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        ranges.add(new int[] {start, m.end()});
      }
    }
    return ranges;
  }

  /** Every fact {@code statement}'s sentence states, in the order they appear in it. */
  public static List<Fact> read(Statement statement) {
    String s = statement.text();
    List<Fact> facts = new ArrayList<>();
    // Assignments first: a chain link of RULER's variable tracking is never also a move.
    Matcher assign = ASSIGN.matcher(s);
    while (assign.find()) {
      facts.add(new Fact(Fact.Kind.ASSIGN, null, assign.group(1), assign.group(2), statement));
    }
    add(facts, MOVE, s, m -> new Fact(Fact.Kind.MOVE, m.group(1), null, phrase(m.group(2)), statement));
    add(facts, IS_IN, s, m -> new Fact(Fact.Kind.MOVE, m.group(1), null, phrase(m.group(2)), statement));
    add(facts, TAKE, s, m -> new Fact(Fact.Kind.TAKE, m.group(1), phrase(m.group(2)), null, statement));
    add(facts, TAKE_UP, s, m -> new Fact(Fact.Kind.TAKE, m.group(1), phrase(m.group(2)), null, statement));
    add(facts, DROP, s, m -> new Fact(Fact.Kind.DROP, m.group(1), phrase(m.group(2)), null, statement));
    add(facts, DROP_DOWN, s, m -> new Fact(Fact.Kind.DROP, m.group(1), phrase(m.group(2)), null, statement));
    add(facts, GIVE, s, m -> new Fact(Fact.Kind.GIVE, m.group(1), phrase(m.group(2)), m.group(3), statement));
    add(facts, GIVE_TO, s, m -> new Fact(Fact.Kind.GIVE, m.group(1), phrase(m.group(3)), m.group(2), statement));
    return facts;
  }

  /** A captured noun phrase up to the first word that ends it: "the kitchen to cook" is "the kitchen". */
  static String phrase(String captured) {
    String[] words = captured.split("[ ]+");
    StringBuilder kept = new StringBuilder(words[0]);
    for (int i = 1; i < words.length && !PHRASE_ENDS.contains(words[i]); i++) {
      kept.append(' ').append(words[i]);
    }
    return kept.toString();
  }

  private static void add(List<Fact> facts, Pattern pattern, String sentence,
                          java.util.function.Function<Matcher, Fact> fact) {
    Matcher m = pattern.matcher(sentence);
    while (m.find()) {
      facts.add(fact.apply(m));
    }
  }
}
