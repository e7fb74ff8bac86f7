package dev.reel.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import dev.reel.eval.EvalCase.Answer;
import dev.reel.eval.EvalCase.Plant;

/**
 * The validation suites (QUALITY.md): each makes the case for one depth, its random parts (keys, values, names)
 * drawn from a seeded generator so a rerun plants the same text.
 */
enum Suite {
  /** Landmark attention's passkey. */
  PASSKEY {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      String key = digits(random, 5);
      return new EvalCase(this, "What is the pass key?", List.of(new Plant("The pass key is " + key
          + ". Remember it. " + key + " is the pass key.", depth)), List.of(new Answer(0, key)), List.of());
    }
  },
  /** The needle-in-a-haystack fact. */
  NEEDLE {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      return new EvalCase(this, "What is the best thing to do in San Francisco?", List.of(new Plant(
          "The best thing to do in San Francisco is eat a sandwich and sit in Dolores Park on a sunny day.", depth)),
          List.of(new Answer(0, "sandwich and sit in Dolores Park")), List.of());
    }
  },
  /** RULER MK-NIAH: four needles of one shape, three of them distractors; one key asked. */
  MULTIKEY {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      List<String> keys = keys(random, 4);
      List<String> values = magicValues(random, keys.size());
      List<Plant> plants = magic(keys, values, depth);
      return new EvalCase(this, "What is the special magic number for " + keys.get(0) + "?", plants,
          List.of(new Answer(0, values.get(0))), List.of());
    }
  },
  /** RULER MV-NIAH: one key with four values spread through the haystack; all four asked. */
  MULTIVALUE {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      String key = keys(random, 1).get(0);
      List<String> values = magicValues(random, 4);
      List<Plant> plants = magic(Collections.nCopies(values.size(), key), values, depth);
      List<Answer> answers = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        answers.add(new Answer(i, values.get(i)));
      }
      return new EvalCase(this, "What are all the special magic numbers for " + key + "?", plants, answers,
          List.of());
    }
  },
  /** RULER MQ-NIAH: four keys planted, two asked in one question. */
  MULTIQUERY {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      List<String> keys = keys(random, 4);
      List<String> values = magicValues(random, keys.size());
      List<Plant> plants = magic(keys, values, depth);
      return new EvalCase(this, "What are the special magic numbers for " + keys.get(0) + " and " + keys.get(1)
          + "?", plants, List.of(new Answer(0, values.get(0)), new Answer(1, values.get(1))), List.of());
    }
  },
  /** RULER VT, two hops: the value at the depth, the link 40% of the haystack later; the job runs --hops 2. */
  VARIABLE_TRACKING {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      String first = letters(random, 5);
      String second = letters(random, 5);
      String value = digits(random, 5);
      return new EvalCase(this, "What is the value of VAR " + second + "?", List.of(
          new Plant("VAR " + first + " = " + value + ".", depth),
          new Plant("VAR " + second + " = VAR " + first + ".", (depth + 0.4) % 1.0)),
          List.of(new Answer(0, value)), List.of("--hops", "2"));
    }
  },
  /**
   * RULER VT as RULER asks it: a value, then two variables assigned it in a chain spread through the haystack; the
   * question asks for every variable that holds the value, and the job runs --hops 3 (the value, then each link).
   */
  VARIABLE_LIST {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      String first = letters(random, 5);
      String second = letters(random, 5);
      String third = letters(random, 5);
      String value = digits(random, 5);
      return new EvalCase(this, "Which variables are assigned the value " + value + "?", List.of(
          new Plant("VAR " + first + " = " + value + ".", depth),
          new Plant("VAR " + second + " = VAR " + first + ".", (depth + 0.3) % 1.0),
          new Plant("VAR " + third + " = VAR " + second + ".", (depth + 0.6) % 1.0)),
          List.of(new Answer(0, first), new Answer(1, second), new Answer(2, third)), List.of("--hops", "3"));
    }
  },
  /**
   * Jigsaw: a fact planted across a chunk border, the job run with a different partition count per depth; the
   * evidence must put the fact back together and reel.parquet must come back in original order.
   */
  JIGSAW {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      String place = KEY_WORDS.get(random.nextInt(KEY_WORDS.size()));
      String answer = "smoked paprika from " + Character.toUpperCase(place.charAt(0)) + place.substring(1) + " Valley";
      String sentence = "The lighthouse keeper's secret chowder recipe uses " + answer + " and three drops of lemon.";
      return new EvalCase(this, "What does the lighthouse keeper's secret chowder recipe use?",
          List.of(new Plant(sentence, depth, answer)), List.of(new Answer(0, answer)),
          List.of("--partitions", Integer.toString(1 + random.nextInt(7))));
    }
  },
  /**
   * Negative control (RULER CWE): a word list where five words recur ten times; the question asks for the most
   * common words. Counting is aggregation, not selection: reported, not tuned for. A hit needs all five words in
   * the job's answer itself, in at most {@link #COMMON_WORDS_REPLY_WORDS} words (the evidence, or an answer
   * quoting the whole 80-word list, would match trivially).
   */
  COMMON_WORDS {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      List<String> words = new ArrayList<>(KEY_WORDS);
      Collections.shuffle(words, new java.util.Random(random.nextLong()));
      List<String> common = words.subList(0, 5);
      List<String> list = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        list.addAll(common);
      }
      list.addAll(words.subList(5, 35));
      Collections.shuffle(list, new java.util.Random(random.nextLong()));
      String sentence = "Word list: " + String.join(", ", list) + ".";
      List<Answer> answers = common.stream().map(w -> new Answer(0, w)).toList();
      return new EvalCase(this, "What are the five most common words in the word list?",
          List.of(new Plant(sentence, depth)), answers, List.of());
    }
  },
  /** bAbI's one supporting fact at length: a person moves 3 to 8 times, two others move too; "Where is P?". */
  ENTITY_STATE {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      return FactCases.entityState(this, depth, random);
    }
  },
  /** bAbI's two supporting facts: an object picked up or handed over, then carried to a place; "Where is O?". */
  OBJECT_CARRIED {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      return FactCases.objectCarried(this, depth, random);
    }
  },
  /** bAbI's three supporting facts: where an object was before a place, or where it was dropped. */
  OBJECT_THREE_FACTS {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      return FactCases.objectThreeFacts(this, depth, random);
    }
  },
  /** A variable chain of 2 to 4 links beside a distractor chain; the job chooses its hops. */
  VARIABLE_CHAIN {
    @Override
    EvalCase make(double depth, SplittableRandom random) {
      List<String> names = new ArrayList<>();
      while (names.size() < 6) {
        String name = letters(random, 5);
        if (!names.contains(name)) {
          names.add(name);
        }
      }
      String value = digits(random, 5);
      String other;
      do {
        other = digits(random, 5);
      } while (other.equals(value));
      return FactCases.variableChain(this, depth, random, names, value, other);
    }
  };

  /** The longest answer that counts as naming the common words rather than quoting the list. */
  static final int COMMON_WORDS_REPLY_WORDS = 15;

  /** Common English words for keys and word lists: plain tokens, no rare word pieces. */
  static final List<String> KEY_WORDS = List.of("apple", "river", "silver", "garden", "window", "candle", "forest",
      "marble", "planet", "orange", "violet", "harbor", "thunder", "copper", "meadow", "lantern", "falcon", "pepper",
      "winter", "castle", "ribbon", "anchor", "canyon", "velvet", "mirror", "pillow", "rocket", "saddle", "timber",
      "walnut", "button", "desert", "engine", "feather", "glacier", "hammer", "island", "jacket", "kettle", "ladder");

  abstract EvalCase make(double depth, SplittableRandom random);

  /**
   * Whether the case is scored on the job's answer itself rather than on its evidence (common words: the evidence
   * holding the list would match trivially: no BM25 row, BM25 having no answer of its own; facts that chain: the
   * evidence holds every place the person went, and BM25's and the last mention's top sentence stand as answers).
   */
  boolean scoredOnAnswer() {
    return this == COMMON_WORDS || aboutFacts();
  }

  /** Whether the suite asks about facts that chain (scored on the answer, with the fact baselines beside it). */
  boolean aboutFacts() {
    return this == ENTITY_STATE || this == OBJECT_CARRIED || this == OBJECT_THREE_FACTS || this == VARIABLE_CHAIN;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Suite of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The i-th of four plants: the first at the depth, the others a quarter of the haystack apart. */
  private static double spread(double depth, int i) {
    return i == 0 ? depth : (depth + 0.25 * i) % 1.0;
  }

  /** RULER's needles, "The special magic number for {key} is {value}.", the i-th at {@link #spread}(depth, i). */
  private static List<Plant> magic(List<String> keys, List<String> values, double depth) {
    List<Plant> plants = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      plants.add(new Plant("The special magic number for " + keys.get(i) + " is " + values.get(i) + ".",
          spread(depth, i)));
    }
    return plants;
  }

  /** {@code count} seven-digit values. */
  private static List<String> magicValues(SplittableRandom random, int count) {
    List<String> values = new ArrayList<>();
    while (values.size() < count) {
      values.add(digits(random, 7));
    }
    return values;
  }

  private static List<String> keys(SplittableRandom random, int count) {
    List<String> keys = new ArrayList<>();
    while (keys.size() < count) {
      String key = KEY_WORDS.get(random.nextInt(KEY_WORDS.size())) + "-" + KEY_WORDS.get(random.nextInt(KEY_WORDS.size()));
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static String digits(SplittableRandom random, int count) {
    StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
    while (digits.length() < count) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  private static String letters(SplittableRandom random, int count) {
    StringBuilder letters = new StringBuilder();
    while (letters.length() < count) {
      letters.append((char) ('A' + random.nextInt(26)));
    }
    return letters.toString();
  }
}
