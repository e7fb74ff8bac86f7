package dev.reel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import dev.reel.eval.EvalCase.Answer;
import dev.reel.eval.EvalCase.Plant;

/**
 * The cases of the suites about facts that chain (bAbI's shapes, planted as text in real haystacks): a person who
 * moves several times, an object carried, dropped or handed over, a variable chain of two to four links. The facts
 * a case stands on are planted in corpus order over half the haystack, that window sliding with the depth (0: the
 * first half, 1: the second); distractor people, objects and variables are planted anywhere.
 */
final class FactCases {
  static final List<String> PEOPLE = List.of("Mary", "John", "Sandra", "Daniel", "Julie", "Fred", "Emily", "Bill",
      "Yann", "Greta");
  static final List<String> PLACES = List.of("kitchen", "garden", "hallway", "bathroom", "office", "bedroom",
      "cellar", "attic", "library", "garage", "balcony", "pantry");
  static final List<String> OBJECTS = List.of("football", "apple", "milk", "umbrella", "wallet", "notebook", "violin",
      "compass");
  private static final List<String> MOVES = List.of("went to", "moved to", "travelled to", "journeyed to",
      "went back to");
  private static final List<String> TAKES = List.of("picked up", "grabbed", "took", "got");
  private static final List<String> DROPS = List.of("dropped", "put down", "discarded");

  private FactCases() {}

  /** A case in the making: plants in order, the places used, what supports the answer. */
  private static final class Builder {
    final SplittableRandom random;
    final List<Plant> plants = new ArrayList<>();
    final List<Integer> supporting = new ArrayList<>();
    final List<String> people = new ArrayList<>(PEOPLE);
    final List<String> places = new ArrayList<>(PLACES);
    final List<String> objects = new ArrayList<>(OBJECTS);
    final List<String> used = new ArrayList<>();

    Builder(SplittableRandom random) {
      this.random = random;
    }

    String person() {
      return people.remove(random.nextInt(people.size()));
    }

    String object() {
      return objects.remove(random.nextInt(objects.size()));
    }

    /** A place other than {@code not}, recorded as one of the case's places. */
    String place(String not) {
      String place;
      do {
        place = places.get(random.nextInt(places.size()));
      } while (place.equals(not));
      if (!used.contains(place)) {
        used.add(place);
      }
      return place;
    }

    int plant(String sentence, double depth, boolean supports) {
      plants.add(new Plant(sentence, depth));
      if (supports) {
        supporting.add(plants.size() - 1);
      }
      return plants.size() - 1;
    }

    String pick(List<String> words) {
      return words.get(random.nextInt(words.size()));
    }

    /** Distractors: {@code count} moves of another person, at random depths. */
    void wanderer(int count) {
      String other = person();
      String last = null;
      for (int i = 0; i < count; i++) {
        last = place(last);
        plant(other + " " + pick(MOVES) + " the " + last + ".", random.nextDouble(), false);
      }
    }

    EvalCase build(Suite suite, String question, int answerPlant, String answer, String entity) {
      List<String> wrong = used.stream().filter(p -> !p.equals(answer)).toList();
      return new EvalCase(suite, question, plants, List.of(new Answer(answerPlant, answer)), List.of(),
          new EvalCase.Facts(entity, wrong, List.copyOf(supporting)));
    }
  }

  /** Depth of the i-th of n facts: in order over half the haystack, the window's start sliding with the depth. */
  static double window(double depth, int i, int n) {
    return n == 1 ? depth : 0.5 * depth + 0.5 * i / (n - 1);
  }

  /** A person moves 3 to 8 times; two others move 3 times each; "Where is P?" asks for the last place. */
  static EvalCase entityState(Suite suite, double depth, SplittableRandom random) {
    Builder b = new Builder(random);
    String person = b.person();
    int moves = 3 + random.nextInt(6);
    String place = null;
    int last = -1;
    for (int i = 0; i < moves; i++) {
      place = b.place(place);
      last = b.plant(person + " " + b.pick(MOVES) + " the " + place + ".", window(depth, i, moves), true);
    }
    b.wanderer(3);
    b.wanderer(3);
    return b.build(suite, "Where is " + person + "?", last, place, person);
  }

  /**
   * Two supporting facts: a person picks up an object and moves on (after a move before the pick-up), or is handed
   * it by another and moves on; another person carries another object about.
   */
  static EvalCase objectCarried(Suite suite, double depth, SplittableRandom random) {
    Builder b = new Builder(random);
    String holder = b.person();
    String object = b.object();
    String before = b.place(null);
    b.plant(holder + " " + b.pick(MOVES) + " the " + before + ".", window(depth, 0, 3) * 0.5, false);
    if (random.nextBoolean()) {
      b.plant(holder + " " + b.pick(TAKES) + " the " + object + ".", window(depth, 0, 3), true);
    } else {
      String giver = b.person();
      b.plant(giver + " handed the " + object + " to " + holder + ".", window(depth, 0, 3), true);
    }
    String place = b.place(before);
    int answer = b.plant(holder + " " + b.pick(MOVES) + " the " + place + ".", window(depth, 2, 3), true);
    String other = b.person();
    b.plant(other + " " + b.pick(TAKES) + " the " + b.object() + ".", random.nextDouble(), false);
    b.plant(other + " " + b.pick(MOVES) + " the " + b.place(place) + ".", random.nextDouble(), false);
    b.wanderer(2);
    return b.build(suite, "Where is the " + object + "?", answer, place, object);
  }

  /**
   * Three supporting facts: a person picks up an object and moves twice, "Where was the O before the L2?"; or picks
   * it up, moves, drops it and moves on, "Where is the O?".
   */
  static EvalCase objectThreeFacts(Suite suite, double depth, SplittableRandom random) {
    Builder b = new Builder(random);
    String holder = b.person();
    String object = b.object();
    b.plant(holder + " " + b.pick(TAKES) + " the " + object + ".", window(depth, 0, 4), true);
    String first = b.place(null);
    int answer = b.plant(holder + " " + b.pick(MOVES) + " the " + first + ".", window(depth, 1, 4), true);
    String second = b.place(first);
    String question;
    if (random.nextBoolean()) {
      b.plant(holder + " " + b.pick(MOVES) + " the " + second + ".", window(depth, 2, 4), true);
      question = "Where was the " + object + " before the " + second + "?";
      b.plant(holder + " " + b.pick(MOVES) + " the " + b.place(second) + ".", window(depth, 3, 4), false);
    } else {
      b.plant(holder + " " + b.pick(DROPS) + " the " + object + ".", window(depth, 2, 4), true);
      b.plant(holder + " " + b.pick(MOVES) + " the " + second + ".", window(depth, 3, 4), false);
      question = "Where is the " + object + "?";
    }
    b.wanderer(3);
    return b.build(suite, question, answer, first, object);
  }

  /**
   * A variable chain of 2 to 4 links ("VAR A = 48213." ... "VAR B = VAR A." ...), links planted in chain order or
   * the reverse, and a two-link distractor chain with a value of its own; the question names the chain's last
   * variable. The job chooses its hops.
   */
  static EvalCase variableChain(Suite suite, double depth, SplittableRandom random, List<String> names,
                                String value, String otherValue) {
    Builder b = new Builder(random);
    int links = 2 + random.nextInt(3);
    boolean reversed = random.nextBoolean();
    int answer = -1;
    for (int i = 0; i < links; i++) {
      double at = window(depth, reversed ? links - 1 - i : i, links);
      String sentence = "VAR " + names.get(i) + " = " + (i == 0 ? value : "VAR " + names.get(i - 1)) + ".";
      int plant = b.plant(sentence, at, true);
      answer = i == 0 ? plant : answer;
    }
    b.plant("VAR " + names.get(4) + " = " + otherValue + ".", random.nextDouble(), false);
    b.plant("VAR " + names.get(5) + " = VAR " + names.get(4) + ".", random.nextDouble(), false);
    b.used.add(otherValue);
    return b.build(suite, "What is the value of VAR " + names.get(links - 1) + "?", answer, value,
        "VAR " + names.get(links - 1));
  }
}
