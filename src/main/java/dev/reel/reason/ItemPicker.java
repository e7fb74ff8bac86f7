package dev.reel.reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The item of the shape a question asks for in a passage's sentences ({@link AnswerItems}): the value a sentence
 * states as the default, for a question about a default; else, in the unit the question names or implies first, the
 * item nearest to the question's own words, in the sentences closest to the question first. Never an echo of the
 * question.
 */
final class ItemPicker {
  /** A delay, a timeout, "how long": the answer is a time, in a unit of time when the sentence gives one. */
  private static final Pattern TIME_WORDING = Pattern.compile(
      "\\b(delay|latency|duration|timeout|interval|wait|how long)\\b");
  private static final List<String> TIME_UNITS = List.of("ms", "msec", "msecs", "us", "usec", "usecs", "ns", "sec",
      "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
      "jiffies");
  /** Where a sentence states a default, up to the value: "defaults to ", "the default of ", "Default: ". */
  private static final Pattern DEFAULT_CUE = Pattern.compile(
      "(?i)\\bdefaults?(?: value)?(?: is| of| to| setting is| =|:)?(?: set to)?\\s+");

  private final Set<String> questionWords;
  private final Predicate<String> echoes;
  /** Whether the question asks for a default: a value a sentence states as the default answers it first. */
  private final boolean asksForDefault;
  /** Units the question names or implies, lower case ("bytes" of "how many bytes", units of time for a delay). */
  private final List<String> askedUnits;
  /** The shapes items are looked for in, group after group ({@link #shapes(String, QuestionKind)}). */
  private final List<List<AnswerItems.Shape>> shapes;
  /** Every word of the question, function words too ("any" of "PR_SET_PTRACER_ANY"). */
  private final Set<String> askedWords;

  /**
   * @param question      the question's text (not null)
   * @param kind          what it asks for
   * @param questionWords its lower-case words (and earlier hops'): the anchors an item stands near
   * @param echoes        whether a text says nothing the question did not
   */
  ItemPicker(String question, QuestionKind kind, Set<String> questionWords, Predicate<String> echoes) {
    this.questionWords = questionWords;
    this.echoes = echoes;
    String lower = question.toLowerCase(Locale.ROOT);
    this.asksForDefault = (kind == QuestionKind.VALUE || kind == QuestionKind.PATH)
        && lower.matches(".*\\bdefault\\b.*");
    List<String> units = new ArrayList<>(AnswerItems.find(AnswerItems.Shape.UNIT, question).stream()
        .map(unit -> unit.text().toLowerCase(Locale.ROOT)).toList());
    if (TIME_WORDING.matcher(lower).find()) {
      units.addAll(TIME_UNITS);
    }
    this.askedUnits = List.copyOf(units);
    this.shapes = shapes(question, kind);
    this.askedWords = AnswerShaper.words(question);
  }

  /**
   * The item of {@code text}'s sentences ({@code [start, end)} each, closest to the question first); null when none
   * stands near the question's words. Only a sentence holding some of the question's words says which of its items
   * answers (a chapter number in a sentence about something else does not).
   */
  AnswerItems.Item pick(String text, List<int[]> sentences) {
    AnswerItems.Item stated = asksForDefault ? statedDefault(text, sentences) : null;
    if (stated != null) {
      return stated;
    }
    for (boolean inUnit : askedUnits.isEmpty() ? List.of(false) : List.of(true, false)) {
      for (List<AnswerItems.Shape> group : shapes) {
        for (int[] bounds : sentences) {
          String sentence = text.substring(bounds[0], bounds[1]);
          for (AnswerItems.Shape wanted : group) {
            List<AnswerItems.Item> items = AnswerItems.find(wanted, sentence);
            AnswerItems.Item item = nearest(inUnit ? inAskedUnit(items) : items, sentence);
            if (item != null) {
              return item;
            }
          }
        }
      }
    }
    return null;
  }

  /** Whether a sentence holds an item of the asked shape that is no echo of the question. */
  boolean holdsAnItem(String sentence) {
    return shapes.stream().flatMap(List::stream)
        .anyMatch(shape -> AnswerItems.find(shape, sentence).stream().anyMatch(item -> !echoes.test(item.text())));
  }

  /**
   * For a question about a default, the item a sentence states as the default ("defaults to 60", "the default of
   * pfifo_fast", "Default: 0"), in the passage's sentences closest to the question first, where the cue's paragraph
   * holds a question word besides "default" (a "Default: 1" line closing the entry before is about something else);
   * null when none does.
   */
  private AnswerItems.Item statedDefault(String text, List<int[]> sentences) {
    for (int[] bounds : sentences) {
      String sentence = text.substring(bounds[0], bounds[1]);
      Matcher cue = DEFAULT_CUE.matcher(sentence);
      while (cue.find()) {
        if (!aboutTheQuestion(paragraph(text, bounds[0] + cue.start()))) {
          continue;
        }
        for (List<AnswerItems.Shape> group : shapes) {
          for (AnswerItems.Shape wanted : group) {
            for (AnswerItems.Item item : AnswerItems.find(wanted, sentence)) {
              if (item.start() == cue.end() && !echoes.test(item.text())) {
                return item;
              }
            }
          }
        }
      }
    }
    return null;
  }

  /** The paragraph of {@code text} around {@code at}: between blank lines. */
  private static String paragraph(String text, int at) {
    int start = text.lastIndexOf("\n\n", at);
    int end = text.indexOf("\n\n", at);
    return text.substring(start < 0 ? 0 : start + 2, end < 0 ? text.length() : end);
  }

  /** Whether a text holds a question word other than "default". */
  private boolean aboutTheQuestion(String text) {
    return AnswerShaper.words(text).stream()
        .anyMatch(word -> questionWords.contains(word) && !word.startsWith("default"));
  }

  /** The items in a unit the question names or implies ("how many bytes": "160 bytes", not "64bit"). */
  private List<AnswerItems.Item> inAskedUnit(List<AnswerItems.Item> items) {
    return items.stream()
        .filter(item -> askedUnits.stream().anyMatch(unit -> item.text().toLowerCase(Locale.ROOT).endsWith(unit)))
        .toList();
  }

  /**
   * The shapes an answer's items are looked for in, group after group (each group over every sentence, closest
   * first): a unit when the question asks for one; a value is a number or, in the same sentence, a name such as
   * "pfifo_fast"; "which flag" wants an option anywhere before any other path; a list its list shape.
   */
  private static List<List<AnswerItems.Shape>> shapes(String question, QuestionKind kind) {
    if (kind == QuestionKind.VALUE && question.toLowerCase(Locale.ROOT).matches(".*\\bunits?\\b.*")) {
      return List.of(List.of(AnswerItems.Shape.UNIT));
    }
    if (kind == QuestionKind.VALUE) {
      return List.of(List.of(AnswerItems.Shape.NUMBER, AnswerItems.Shape.PATH));
    }
    AnswerItems.Shape narrower = kind == QuestionKind.PATH ? AnswerItems.pathShape(question) : null;
    return narrower != null ? List.of(List.of(narrower), List.of(AnswerItems.Shape.PATH))
        : List.of(Collections.singletonList(kind == QuestionKind.LIST ? AnswerItems.listShape(question)
            : AnswerItems.Shape.of(kind)));
  }

  /**
   * The item nearest to a question word in the sentence (one after a question word before one ahead of it), not an
   * echo; null when no question word stands there.
   */
  private AnswerItems.Item nearest(List<AnswerItems.Item> items, String sentence) {
    List<int[]> anchors = new ArrayList<>();
    Matcher m = AnswerShaper.WORD.matcher(sentence);
    while (m.find()) {
      if (questionWords.contains(m.group().toLowerCase(Locale.ROOT))) {
        anchors.add(new int[] {m.start(), m.end()});
      }
    }
    if (anchors.isEmpty()) {
      return null;
    }
    AnswerItems.Item best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (AnswerItems.Item item : items) {
      if (echoes.test(item.text())) {
        continue;
      }
      int distance = Integer.MAX_VALUE;
      for (int[] anchor : anchors) {
        if (anchor[0] >= item.start() && anchor[1] <= item.end()) {
          continue; // the item's own word ("bytes" of "160 bytes") says nothing about which item answers
        }
        // An answer follows what it answers ("swappiness defaults to 60", "VAR A = 5"): one before counts double.
        int gap = item.start() >= anchor[1] ? item.start() - anchor[1] : 2 * Math.max(0, anchor[0] - item.end());
        distance = Math.min(distance, gap);
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = item;
      }
    }
    return best == null ? null : extended(best, items);
  }

  /**
   * The item that extends {@code best} by pieces the question names ("PR_SET_PTRACER_ANY" for a question about
   * letting any process attach, over the nearer "PR_SET_PTRACER"), else {@code best}.
   */
  private AnswerItems.Item extended(AnswerItems.Item best, List<AnswerItems.Item> items) {
    for (AnswerItems.Item item : items) {
      String text = item.text();
      if (text.length() > best.text().length() + 1 && text.startsWith(best.text())
          && "._/-".indexOf(text.charAt(best.text().length())) >= 0 && !echoes.test(text)
          && Arrays.stream(text.substring(best.text().length() + 1).toLowerCase(Locale.ROOT).split("[._/-]+"))
              .anyMatch(askedWords::contains)) {
        return item;
      }
    }
    return best;
  }
}
