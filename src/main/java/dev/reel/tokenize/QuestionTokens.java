package dev.reel.tokenize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.reel.model.Vocabulary;
import dev.reel.score.Candidate;

/**
 * The content tokens of a question: its tokens minus punctuation and common function words, deduplicated in order,
 * each weighted by its rarity in the corpus. "What is the pass key?" gives [pass, key]; for "Queequeg" the word
 * pieces that occur everywhere ("##e", "##g") weigh little or are dropped.
 */
public final class QuestionTokens {
  /** Tokens rarer than this (see {@link TokenFrequencies#rarity}) are kept as question tastes. */
  static final double MIN_RARITY = 0.4;

  /**
   * Content tokens and their weights (rarity rescaled to (0, 1]).
   *
   * @param ids     token ids
   * @param weights one weight per id
   */
  public record Weighted(int[] ids, float[] weights) implements java.io.Serializable {
    public static final Weighted NONE = new Weighted(new int[0], new float[0]);
  }

  /** Keeps the content tokens rare enough to inform; when none is, the rarest one. */
  public static Weighted weigh(int[] contentTokens, TokenFrequencies frequencies) {
    java.util.List<Integer> kept = new java.util.ArrayList<>();
    int rarest = -1;
    for (int id : contentTokens) {
      if (frequencies.rarity(id) >= MIN_RARITY) {
        kept.add(id);
      }
      if (rarest < 0 || frequencies.rarity(id) > frequencies.rarity(rarest)) {
        rarest = id;
      }
    }
    if (kept.isEmpty() && rarest >= 0) {
      kept.add(rarest);
    }
    int[] ids = kept.stream().mapToInt(Integer::intValue).toArray();
    float[] weights = new float[ids.length];
    for (int i = 0; i < ids.length; i++) {
      weights[i] = (float) Math.max(0.05, (frequencies.rarity(ids[i]) - MIN_RARITY) / (1 - MIN_RARITY));
    }
    return new Weighted(ids, weights);
  }
  private static final Set<String> STOPWORDS = loadStopwords();

  private QuestionTokens() {}

  /** Every token id of a text, no special tokens. */
  public static int[] ids(String text, byte[] tokenizerJson) {
    long[] ids = TokenizerPool.get(tokenizerJson).encode(text, false, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }

  public static int[] contentTokens(String question, byte[] tokenizerJson, Vocabulary vocabulary) {
    Set<Integer> content = new LinkedHashSet<>();
    for (int id : ids(question, tokenizerJson)) {
      if (isContent(vocabulary.token(id))) {
        content.add(id);
      }
    }
    return content.stream().mapToInt(Integer::intValue).toArray();
  }

  /** An answer of at most this many words is exact (a name, a number): the next hop asks for it alone. */
  static final int EXACT_ANSWER_WORDS = 3;

  /**
   * The next hop's question when the last hop answered exactly: the answer's own content tokens not asked yet
   * ("VAR A = VAR B" answered "B": ask for B, not for the words around it). {@link Weighted#NONE} otherwise.
   */
  public static Weighted fromExactAnswer(String answer, Set<Integer> asked, byte[] tokenizerJson,
                                         Vocabulary vocabulary, TokenFrequencies frequencies) {
    if (answer == null || answer.isBlank() || answer.strip().split("\\s+").length > EXACT_ANSWER_WORDS) {
      return Weighted.NONE;
    }
    int[] fresh = java.util.Arrays.stream(contentTokens(answer, tokenizerJson, vocabulary))
        .filter(id -> !asked.contains(id)).toArray();
    return fresh.length == 0 ? Weighted.NONE : weigh(fresh, frequencies);
  }

  /** Kept tokens at most this many positions from a token the hop asked for are what it found. */
  static final int HOP_WINDOW = 5;

  /**
   * The next hop's question: the content tokens kept near the tokens this hop asked for, in its best passage,
   * weighted by rarity, without any token already asked for ("VAR KDJSE = VAR QPRZT" answered a question about
   * KDJSE: ask about QPRZT). {@code kept} are the passage's kept tokens in position order. Empty when nothing new
   * was found.
   */
  public static Weighted nextHop(List<Candidate> kept, Set<Integer> asked, Vocabulary vocabulary,
                                 TokenFrequencies frequencies) {
    Set<Integer> fresh = new LinkedHashSet<>();
    for (Candidate token : kept) {
      int id = token.tokenId();
      boolean nearAsked = kept.stream().anyMatch(other -> asked.contains(other.tokenId())
          && Math.abs(other.position() - token.position()) <= HOP_WINDOW);
      if (nearAsked && !asked.contains(id) && isContent(vocabulary.token(id))
          && frequencies.rarity(id) >= MIN_RARITY) {
        fresh.add(id);
      }
    }
    return fresh.isEmpty() ? Weighted.NONE : weigh(fresh.stream().mapToInt(Integer::intValue).toArray(), frequencies);
  }

  /** What a token spells without WordPiece's continuation mark ("##s" is "s"). */
  public static String word(String token) {
    return token.startsWith("##") ? token.substring(2) : token;
  }

  /** A content word: has a letter or digit and is not a common function word. */
  public static boolean isContent(String token) {
    String word = word(token);
    return word.codePoints().anyMatch(Character::isLetterOrDigit) && !STOPWORDS.contains(word.toLowerCase());
  }

  /** One of the common function words that never count as question content ("the", "what", "is"). */
  public static boolean isStopword(String word) {
    return STOPWORDS.contains(word.toLowerCase());
  }

  private static Set<String> loadStopwords() {
    Set<String> words = new HashSet<>();
    InputStream in = QuestionTokens.class.getClassLoader().getResourceAsStream("stopwords-en.txt");
    if (in == null) {
      throw new IllegalStateException("stopwords-en.txt is missing from the classpath");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
        for (String word : line.trim().split("\\s+")) {
          if (!word.isEmpty()) {
            words.add(word);
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
