package dev.reel.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Informative sentences for the digest suite: events with invented names and places, numbers and dates, written to
 * stand out in any haystack as what a reader would mark. Drawn from a seeded generator: a seed plants the same text.
 * No decimals or abbreviations, so every sentence splitter keeps each one whole.
 */
final class DigestSentences {
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};
  private static final String[] ONSETS = {"K", "V", "Tr", "Br", "Qu", "Z", "Th", "Gr", "Sk", "Dr", "M", "Ferr", "Hal",
      "Orv", "Ess", "Ulm"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ae", "ou"};
  private static final String[] CODAS = {"ndor", "vik", "mere", "stan", "rith", "lowe", "zan", "dell", "gard", "mont"};
  private static final String[] ROLES = {"engineer", "surveyor", "chemist", "astronomer", "architect", "geologist",
      "composer", "botanist"};

  private DigestSentences() {}

  /** {@code count} distinct sentences. */
  static List<String> make(int count, SplittableRandom random) {
    Set<String> names = new HashSet<>();
    List<String> sentences = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String person = fresh(names, random) + " " + fresh(names, random);
      String place = fresh(names, random);
      String thing = fresh(names, random);
      String role = ROLES[random.nextInt(ROLES.length)];
      String date = (1 + random.nextInt(28)) + " " + MONTHS[random.nextInt(12)] + " " + (1890 + random.nextInt(130));
      int number = 120 + random.nextInt(9000);
      sentences.add(switch (i % 5) {
        case 0 -> "On " + date + ", the " + role + " " + person + " opened the " + thing + " Bridge in " + place
            + ", which had cost " + number + " thousand crowns.";
        case 1 -> "The " + role + " " + person + " of " + place + " patented the " + thing + " engine on " + date
            + " and sold " + number + " of them within a year.";
        case 2 -> "On " + date + ", " + person + " reached the summit of Mount " + thing + ", " + number
            + " metres above the " + place + " valley.";
        case 3 -> "The " + thing + " Company of " + place + ", founded by the " + role + " " + person + " on " + date
            + ", employed " + number + " workers.";
        default -> "On " + date + ", a fire in the " + thing + " archive of " + place + " destroyed " + number
            + " letters written by the " + role + " " + person + ".";
      });
    }
    return sentences;
  }

  /** A capitalised invented name not drawn before. */
  private static String fresh(Set<String> names, SplittableRandom random) {
    while (true) {
      String name = ONSETS[random.nextInt(ONSETS.length)] + VOWELS[random.nextInt(VOWELS.length)]
          + CODAS[random.nextInt(CODAS.length)];
      if (random.nextBoolean()) {
        name += VOWELS[random.nextInt(VOWELS.length)] + CODAS[random.nextInt(CODAS.length)];
      }
      if (names.add(name)) {
        return name;
      }
    }
  }
}
