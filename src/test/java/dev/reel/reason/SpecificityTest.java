package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import dev.reel.testing.SparkSessions;
import dev.reel.tokenize.TokenizedDoc;

/**
 * Specificity: a sentence naming what the corpus rarely names, with a number, outranks one naming what the corpus
 * names often; lists, headlines, encoded lines and tables are not prose and are not scored at all.
 */
class SpecificityTest {
  private static final String EVENT =
      "On 2 June 1933, the chemist Mira Halvik opened the Kestrel Bridge in Tharith, which had cost 4142 crowns.";
  private static final String COMMON =
      "In June the mayor of Boston opened a bridge in Boston, and Boston was glad of the new bridge over the river.";

  @Test
  void anEventSentenceReadsAsProseWithItsNamesAndNumber() {
    Specificity.Read read = Specificity.read(EVENT);
    assertTrue(read.prose());
    assertEquals(List.of("june", "mira", "halvik", "kestrel", "bridge", "tharith"), read.names(),
        "names are the capitalised words after the first");
    assertTrue(read.number());
    assertEquals(19, read.pieces());
  }

  @Test
  void listsHeadlinesEncodedLinesAndTablesAreNotProse() {
    assertFalse(Specificity.read("Mira Halvik, Kestrel Tharith.").prose(), "fewer than six pieces");
    assertFalse(Specificity.read("Brad Pitt, Denise Richards, Christian Bale, Pamela Anderson, Ricky Martin and "
        + "Gillian Anderson.").prose(), "a list of names");
    assertFalse(Specificity.read("The killing has continued in Bali, Jakarta, Casablanca, Riyadh, Mombasa, and "
        + "Baghdad.").prose(), "a list inside a sentence");
    assertFalse(Specificity.read("Subject: Rendering the Great Outdoors: Fast Occlusion Culling for Outdoor "
        + "Environments").prose(), "a title line");
    assertFalse(Specificity.read("iQEVAwUBPXNE16HbXyzZsAb3 Kdpz0NbECR2OS7PJ =Mw8+ Halvik 0N9HG/Rgez of the 7785")
        .prose(), "an encoded line");
    assertFalse(Specificity.read("Receipts for the year 1,204,331 1,993,102 2,001,000 3,400,120 5,112,001").prose(),
        "a table of figures");
    assertFalse(Specificity.read("Fuer 2002 werden vor allem Mitarbeiter aus den Bereichen Ingenieurwesen gesucht.")
        .prose(), "not English");
  }

  @Test
  void markupGluedToASentenceDoesNotHideItButMarkupInsideWeighsAgainstIt() {
    Specificity.Read glued = Specificity.read("<td width=3D10 bgcolor=3D\"#1E5C99\"><On 2 June 1933, the chemist "
        + "Mira Halvik opened the Kestrel Bridge in Tharith, which had cost 4142 crowns. img src=3D\"b.gif\"");
    assertTrue(glued.prose());
    assertEquals(List.of("june", "mira", "halvik", "kestrel", "bridge", "tharith"), glued.names());
    assertEquals(19, glued.pieces(), "its core: the run of clean pieces from \"2\" to \"img\"");
    assertFalse(Specificity.read("Mira Halvik opened the new bridge x=3D1 y=3D2 z=3D3 w=3D4 in Tharith which had "
        + "cost many crowns").prose(), "four pieces of markup between two runs of words");
  }

  @Test
  void rarelyNamedThingsMakeASentenceSpecificOverTheWholeCorpus() {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(SparkSessions.shared().sparkContext());
    String list = "Brad Pitt, Denise Richards, Christian Bale, Pamela Anderson and Ricky Martin.";
    List<TokenizedDoc> docs = List.of(doc(0, COMMON + " " + EVENT), doc(1, "The Boston papers wrote of it. " + list),
        doc(2, "Boston again, and again Boston, said the mayor of Boston to nobody at all."));
    Map<String, Double> scores = SpecificSentences.score(spark.parallelize(docs, 2)).collect().stream()
        .collect(Collectors.toMap(s -> docs.get(s._1().docIndex()).text().substring(s._1().start(), s._1().end()),
            s -> s._2()));
    assertEquals(4, scores.size(), "the named prose sentences, not the list: " + scores.keySet());
    assertTrue(scores.get(EVENT) > 3 * scores.get(COMMON), scores.toString());
    double events = (1.0 / 2 + 1 + 1 + 1 + 1.0 / 3 + 1 + 1) / Math.sqrt(19);
    assertEquals(events, scores.get(EVENT), 1e-9, "june twice, bridge three times, the rest once; and a number");
  }

  private static TokenizedDoc doc(int index, String text) {
    return new TokenizedDoc("s", "d" + index, index, text, new int[0], new int[0], new int[0], index, 0);
  }
}
