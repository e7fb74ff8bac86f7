package dev.reel.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactReasonerTest {
  /** Facts of sentences given in corpus order, 1,000 positions apart. */
  private static List<Fact> facts(String... sentences) {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < sentences.length; i++) {
      facts.addAll(FactReader.read(new Statement(sentences[i], "book.txt", "d@" + i, 1_000L * (i + 1), 1)));
    }
    return facts;
  }

  private static FactReasoner.Resolution ask(String question, Set<String> asked, String... sentences) {
    return FactReasoner.resolve(FactQuestion.parse(question), facts(sentences), asked);
  }

  @Test
  void aPersonIsWhereTheLatestMoveTookThem() {
    FactReasoner.Resolution r = ask("Where is Mary?", Set.of("mary"), "Mary went to the kitchen.",
        "Daniel journeyed to the office.", "Mary moved to the garden.", "Call me Ishmael.",
        "Mary travelled back to the cellar.", "Daniel went back to the garden.");
    assertEquals("the cellar", r.answer());
    assertEquals(1, r.chain().size());
    assertEquals("Mary travelled back to the cellar.", r.chain().get(0).statement().text());
    assertNull(r.need());
  }

  @Test
  void aCarriedObjectIsWhereItsHolderWentAfterTakingIt() {
    String[] text = {"John went to the bedroom.", "John picked up the football.", "Sandra took the apple.",
        "John went to the hallway.", "Sandra went to the office."};
    FactReasoner.Resolution first = ask("Where is the football?", Set.of("football"), text);
    assertEquals("John", first.need(), "the holder's moves after the pick-up are the next hop's question");
    FactReasoner.Resolution then = ask("Where is the football?", Set.of("football", "john"), text);
    assertEquals("the hallway", then.answer());
    assertNull(then.need());
    assertEquals(List.of("John picked up the football.", "John went to the hallway."),
        then.chain().stream().map(f -> f.statement().text()).toList());
  }

  @Test
  void aDroppedObjectStaysWhereItWasDroppedAndAHandedOneGoesWithItsReceiver() {
    assertEquals("the kitchen", ask("Where is the milk?", Set.of("milk", "mary"), "Mary grabbed the milk.",
        "Mary went to the kitchen.", "Mary put down the milk.", "Mary went to the garden.").answer());
    FactReasoner.Resolution handed = ask("Where is the apple?", Set.of("apple", "sandra", "daniel"),
        "Sandra took the apple.", "Sandra handed the apple to Daniel.", "Sandra went to the office.",
        "Daniel went to the bathroom.");
    assertEquals("the bathroom", handed.answer());
  }

  @Test
  void theOneBeforeAPlaceIsTheStepBeforeItOnTheTrail() {
    FactReasoner.Resolution r = ask("Where was the football before the hallway?", Set.of("football", "john"),
        "John went to the bedroom.", "John picked up the football.", "John went to the office.",
        "John went to the hallway.", "John went to the garden.");
    assertEquals("the office", r.answer());
    assertEquals(3, r.chain().size());
  }

  @Test
  void aVariableResolvesThroughItsLinksToALiteral() {
    String[] text = {"VAR QPRZT = 48213.", "VAR AAAAA = 11111.", "VAR KDJSE = VAR MMMMM.", "VAR MMMMM = VAR QPRZT."};
    FactReasoner.Resolution r = ask("What is the value of VAR KDJSE?", Set.of("kdjse", "mmmmm", "qprzt"), text);
    assertEquals("48213", r.answer());
    assertEquals(3, r.chain().size());
    FactReasoner.Resolution partial = ask("What is the value of VAR KDJSE?", Set.of("kdjse"),
        "VAR KDJSE = VAR MMMMM.", "CHAPTER 12.");
    assertNull(partial.answer());
    assertEquals("VAR MMMMM", partial.need());
  }

  @Test
  void onlyWholeFactQuestionsParse() {
    assertEquals(FactQuestion.Kind.WHERE, FactQuestion.parse("Where is Mary?").kind());
    assertEquals("the football", FactQuestion.parse("where is the football").entity());
    assertEquals("the hallway", FactQuestion.parse("Where was the football before the hallway?").before());
    assertEquals("VAR KDJSE", FactQuestion.parse("What is the value of VAR KDJSE?").entity());
    assertEquals("Mary", FactQuestion.parse("Where is Mary now?").entity());
    assertEquals("the red ball", FactQuestion.parse("Where is the red ball?").entity());
    assertNull(FactQuestion.parse("Where is the default location of core dumps?"));
    assertNull(FactQuestion.parse("What is the value of the swappiness tunable by default?"));
  }

  @Test
  void proseWithoutThoseShapesStatesNoFact() {
    assertEquals(List.of(), facts("Call me Ishmael.", "The ship went to the harbor at dawn.",
        "Queequeg was a native of Rokovoko, an island far away.", "He flew to Switzerland and later returned.",
        "It was in the left hand try-pot of the Pequod.", "Security officers on Thursday seized a man.",
        ">>> server = smtplib.SMTP('localhost')", "q=1f-rvwqI58w5yO75pM1x", "f = open('workfile')"));
  }

  @Test
  void aPhraseEndsAtItsFirstFunctionWordAndItsLastWordNamesIt() {
    List<Fact> read = facts("Ahab seized a loaded musket from the rack.", "Ahab went to the living room.",
        "Mary went to the kitchen to cook.");
    assertEquals("a loaded musket", read.get(0).thing());
    assertEquals("the living room", read.get(1).target());
    assertEquals("the kitchen", read.get(2).target());
    assertEquals("the living room", FactReasoner.resolve(FactQuestion.parse("Where is the musket?"), read,
        Set.of("musket", "ahab")).answer(), "the musket goes with Ahab");
  }
}
