package dev.reel.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How specific a sentence is, for the digest: what a reader marks is a sentence that reports something, naming
 * people, places and things the corpus rarely names and giving a number ("On 2 June 1933 the chemist ... opened the
 * ... Bridge in ..., which had cost 4142 thousand crowns."), not one that could stand in a thousand places.
 *
 * <p>A sentence's specificity is the sum, over its names (capitalised words after its first word), of one over how
 * often the corpus holds that word in any case, plus one when it holds a number, over the square root of its length:
 * a name the corpus holds once counts in full, one it holds a hundred times hardly at all, and a long sentence does
 * not win by length. Only sentences that read as prose count: six pieces or more, at least four in five of them plain
 * words (so signatures, encoded attachments, markup and tables of figures do not, however rare their pieces), and at
 * least one in three a lower-case word (so lists of names, headlines and title lines do not), one in six an English
 * function word (the job's model reads English), and not a list (four or more items, most of them a few words).
 * What is read is the sentence's core ({@link #read}): a sentence glued to markup still counts.
 */
final class Specificity {
  /** Fewer pieces than this is a heading, a greeting or a line of a list, not a report. */
  static final int MIN_PIECES = 6;
  /** Share of a sentence's pieces that must be plain words (letters, inner apostrophes and hyphens). */
  static final double MIN_PLAIN_SHARE = 0.8;
  /** Share of a sentence's pieces that must be lower-case words: a sentence, not a list of names. */
  static final double MIN_LOWER_SHARE = 1.0 / 3;
  /**
   * Share of a sentence's pieces that must be English function words ({@link EnglishStopWords}): English prose holds
   * them in almost every other word, a German sentence, whose nouns are all capitalised, hardly any.
   */
  static final double MIN_FUNCTION_SHARE = 1.0 / 6;
  /** Items, split by commas or semicolons, that make a list when most of them are short. */
  static final int LIST_ITEMS = 4;
  /** Words of an item that is short: a name, not a clause. */
  static final int SHORT_ITEM_WORDS = 3;

  private static final Pattern PIECE = Pattern.compile("\\S+");
  private static final Pattern EDGE = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
  private static final Pattern NAME = Pattern.compile("\\p{Lu}\\p{Ll}+(?:['’]s)?");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");
  private static final Pattern PLAIN = Pattern.compile("\\p{L}+(?:['’-]\\p{L}+)*");
  private static final Pattern LOWER = Pattern.compile("\\p{Ll}+(?:['’-]\\p{Ll}+)*");

  private Specificity() {}

  /**
   * What one sentence holds.
   *
   * @param prose  whether it reads as prose
   * @param names  the keys of its names, as often as it names them
   * @param number whether it holds a number
   * @param pieces its core's length in white-space separated pieces
   * @param coreStart where its core starts in it
   * @param coreEnd   where its core ends in it
   */
  record Read(boolean prose, List<String> names, boolean number, int pieces, int coreStart, int coreEnd) {}

  /**
   * Reads a sentence's core: from its first run of {@link #MIN_PIECES} clean pieces (words, numbers, punctuation)
   * to the end of its last, so that markup or an address glued to either end of a sentence does not hide it, while
   * markup inside it still weighs against it.
   */
  static Read read(String sentence) {
    List<String> words = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    Matcher piece = PIECE.matcher(sentence);
    while (piece.find()) {
      words.add(EDGE.matcher(piece.group()).replaceAll(""));
      spans.add(new int[] {piece.start(), piece.end()});
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < words.size(); ) {
      int j = i;
      while (j < words.size() && isClean(words.get(j))) {
        j++;
      }
      if (j - i >= MIN_PIECES) {
        first = first < 0 ? i : first;
        last = j;
      }
      i = Math.max(j, i + 1);
    }
    if (first < 0) {
      return new Read(false, List.of(), false, words.size(), 0, 0);
    }
    int coreStart = spans.get(first)[0];
    int coreEnd = spans.get(last - 1)[1];
    return readCore(words.subList(first, last), isList(sentence.substring(coreStart, coreEnd)), coreStart, coreEnd);
  }

  /**
   * Whether a core is a list: {@link #LIST_ITEMS} or more items split by commas or semicolons, most of them
   * {@link #SHORT_ITEM_WORDS} words or fewer ("Gorbachev, Mitterrand, Ozal, Mubarak, and Bendjedid").
   */
  private static boolean isList(String core) {
    int items = 0;
    int shortItems = 0;
    for (String item : core.split("[,;]")) {
      long pieces = PIECE.matcher(item).results().count();
      if (pieces > 0) {
        items++;
        shortItems += pieces <= SHORT_ITEM_WORDS ? 1 : 0;
      }
    }
    return items >= LIST_ITEMS && 2 * shortItems > items;
  }

  private static boolean isClean(String word) {
    return word.isEmpty() || PLAIN.matcher(word).matches() || NUMBER.matcher(word).matches();
  }

  private static Read readCore(List<String> core, boolean list, int coreStart, int coreEnd) {
    List<String> names = new ArrayList<>();
    int plain = 0;
    int lower = 0;
    int function = 0;
    boolean number = false;
    for (int w = 0; w < core.size(); w++) {
      String word = core.get(w);
      plain += PLAIN.matcher(word).matches() ? 1 : 0;
      lower += LOWER.matcher(word).matches() ? 1 : 0;
      function += EnglishStopWords.contains(word) ? 1 : 0;
      number |= NUMBER.matcher(word).matches();
      if (w > 0 && NAME.matcher(word).matches()) {
        names.add(key(word));
      }
    }
    int pieces = core.size();
    boolean prose = !list && plain >= MIN_PLAIN_SHARE * pieces && lower >= MIN_LOWER_SHARE * pieces
        && function >= MIN_FUNCTION_SHARE * pieces;
    return new Read(prose, names, number, pieces, coreStart, coreEnd);
  }

  /** A sentence's specificity from the sum of its names' inverse corpus counts. */
  static double score(double names, boolean number, int pieces) {
    return (names + (number ? 1 : 0)) / Math.sqrt(pieces);
  }

  /** The words of a text as the corpus counts them: white-space pieces stripped of surrounding punctuation. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher piece = PIECE.matcher(text);
    while (piece.find()) {
      String word = EDGE.matcher(piece.group()).replaceAll("");
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** The key a word is counted under: case does not make another word ("Mount", "mount"). */
  static String key(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
