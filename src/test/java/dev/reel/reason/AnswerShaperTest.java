package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerShaperTest {
  private static Evidence passage(String text, long position) {
    return new Evidence("doc.txt", "doc.txt", position, position + 10, 0, text.length(), text, 1, List.of());
  }

  /** A passage re-ranked with the given coverage and meaning, its sentences in text order. */
  private static SemanticRerank.Scored scored(String text, double coverage, double meaning) {
    return new SemanticRerank.Scored(passage(text, text.length()).withScore(coverage + meaning), coverage, meaning,
        SemanticRerank.sentences(text), true);
  }

  private static AnswerShaper shaper(String question) {
    Set<String> words = new java.util.HashSet<>();
    AnswerShaper.words(question).stream().filter(dev.reel.tokenize.QuestionTokens::isContent).forEach(words::add);
    return new AnswerShaper(question, words, true);
  }

  @Test
  void aValueQuestionGetsTheNumberNearestToItsWordsWithItsUnit() {
    AnswerShaper.Shaped answer = shaper("What is the minimum free reserve?").shape(List.of(scored(
        "Some 20 pages are kept. The minimum free reserve must not go below 1024KB on any system.", 0.6, 0.7)),
        p -> null);
    assertEquals("1024KB", answer.text());
    assertEquals(QuestionKind.VALUE, answer.kind());
    assertEquals(0.65, answer.confidence(), 1e-9);
  }

  @Test
  void onlyANearTieAnswersInPlaceOfTheBestPassage() {
    String question = "How much memory does kexec back up?";
    String best = "Kexec keeps the start of memory for the dump-capture kernel, whatever its size.";
    SemanticRerank.Scored next = scored("The loader backs up the first 64 KB of memory.", 0.4, 0.4);
    AnswerShaper.Shaped clear = shaper(question).shape(List.of(scored(best, 0.6, 0.6), next), p -> null);
    assertEquals(0, clear.rank(), "the best passage, well ahead, answers");
    assertNull(clear.text(), "'how much' asks for a number, and the best passage has none");
    String clause = "What does kexec keep?";
    AnswerShaper.Shaped sentence = shaper(clause).shape(List.of(scored(best, 0.6, 0.6), next), p -> null);
    assertEquals(best, sentence.text(), "a question naming no shape gets the best passage's sentence");
    AnswerShaper.Shaped tie = shaper(question).shape(List.of(scored(best, 0.42, 0.42), next), p -> null);
    assertEquals(1, tie.rank(), "a near tie with an item of the asked kind answers");
    assertEquals("64 KB", tie.text());
  }

  @Test
  void theItemsOwnUnitDoesNotTellWhichItemAnswers() {
    AnswerShaper.Shaped answer = shaper("How many bytes does each watch cost on a 64bit kernel?").shape(List.of(scored(
        "Each watch costs roughly 90 bytes on a 32bit kernel, and roughly 160 bytes on a 64bit one.", 0.6, 0.7)),
        p -> null);
    assertEquals("160 bytes", answer.text());
    AnswerShaper.Shaped delay = shaper("What was the delay of the Next button on a big folder?").shape(List.of(scored(
        "I checked on a big folder (~10000 msgs). The delay of the Next button is now 350-450 msec.", 0.6, 0.7)),
        p -> null);
    assertEquals("350-450 msec", delay.text(), "a delay is a time");
  }

  @Test
  void aDefaultIsTheValueASentenceStatesAsTheDefault() {
    String question = "Which default queuing discipline can be overridden with default_qdisc?";
    AnswerShaper.Shaped answer = shaper(question).shape(List.of(scored("Calculation is based on dev_weight.\n\n"
        + "Default: 1\n\ndefault_qdisc\n\nThe default queuing discipline suits disciplines like fair queue CoDel "
        + "(fq_codel). This allows overriding the default of pfifo_fast.", 0.6, 0.7)), p -> null);
    assertEquals("pfifo_fast", answer.text(), "not the default closing the entry before");
  }

  @Test
  void aPassageAboutAnotherVersionDoesNotAnswer() {
    String question = "Which kernel version does Red Hat Linux 9 ship with?";
    String other = "Red Hat Linux release 7.3 (Valhalla) running Linux kernel 2.4.18-10acpi.";
    assertNull(shaper(question).shape(List.of(scored(other, 0.6, 0.6)), p -> null).text());
    String same = "Red Hat Linux 9 ships with kernel 2.4.20.";
    assertEquals("2.4.20", shaper(question).shape(List.of(scored(same, 0.6, 0.6)), p -> null).text());
  }

  @Test
  void aPassageAboutAnotherSettingDoesNotAnswer() {
    String question = "What is the default value of fs.inotify.max_user_watches, e.g. on a desktop?";
    String epoll = "The current default value for max_user_watches is 1/25 (4%) of the available low memory.";
    assertNull(shaper(question).shape(List.of(scored(epoll, 0.6, 0.6)), p -> null).text());
    String sysrq = "Which config symbol sets the default value of /proc/sys/kernel/sysrq?";
    String answer = "The default value in /proc/sys/kernel/sysrq is set by the CONFIG_MAGIC_SYSRQ_DEFAULT_ENABLE "
        + "symbol.";
    assertEquals("CONFIG_MAGIC_SYSRQ_DEFAULT_ENABLE",
        shaper(sysrq).shape(List.of(scored(answer, 0.6, 0.6)), p -> null).text(), "'e.g.' is no identifier");
  }

  @Test
  void onlyAQuestionNamingItsShapeLimitsWhichSentencesMayAnswer() {
    var holds = shaper("How long are queued writes held when the pool is full?").holdsAskedShape();
    assertTrue(holds.test("It defaults to 60 seconds but may be disabled using a value of 0."));
    assertFalse(holds.test("Queued writes are held until the pool grows."));
    assertNull(shaper("What happens to queued writes when the pool is full?").holdsAskedShape());
    assertNull(new AnswerShaper("How long are writes held?", Set.of(), false).holdsAskedShape(),
        "a hop that may not decline is not strict");
  }

  @Test
  void anIdentifierExtendedByTheQuestionsWordsWinsOverTheNearerOne() {
    AnswerShaper.Shaped answer = shaper("Which prctl argument lets any otherwise allowed process attach?").shape(
        List.of(scored("A process can call prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, ...) so that any otherwise "
            + "allowed process may attach.", 0.6, 0.7)), p -> null);
    assertEquals("PR_SET_PTRACER_ANY", answer.text());
  }

  @Test
  void anAnswerIsNeverOnlyTheQuestionsWords() {
    AnswerShaper shaper = shaper("Where is vm.swappiness set?");
    assertTrue(shaper.echoes("vm.swappiness"));
    assertTrue(shaper.echoes("swappiness set"));
    assertFalse(shaper("Which file should MT-search users merge into mt.cfg?").echoes("mt-search.cfg"));
    AnswerShaper laterHop = new AnswerShaper("Which variables are assigned the value 4?", Set.of("qtsil"), false);
    assertTrue(laterHop.echoes("QTSIL"), "an earlier hop's answer is not new");
    assertFalse(laterHop.echoes("NGQXU"));
    AnswerShaper.Shaped answer = shaper.shape(List.of(scored(
        "The vm.swappiness value is written to /proc/sys/vm/swappiness at boot.", 0.6, 0.6)), p -> null);
    assertEquals("/proc/sys/vm/swappiness", answer.text());
  }

  @Test
  void aListQuestionGetsEveryItemOfThePassagesHoldingItsDistinctiveWords() {
    String question = "What are the special magic numbers for winter-castle and ribbon-anchor?";
    List<SemanticRerank.Scored> ranked = new ArrayList<>(List.of(
        scored("The special magic number for winter-castle is 4412345.", 0.6, 0.6),
        scored("The special magic number for ribbon-anchor is 7712345.", 0.6, 0.55),
        scored("The special magic number for glacier-hammer is 9912345.", 0.5, 0.5)));
    AnswerShaper.Shaped answer = shaper(question).shape(ranked, p -> null);
    assertEquals(QuestionKind.LIST, answer.kind());
    assertEquals("4412345, 7712345", answer.text());
    assertEquals(2, answer.items().size());
    assertEquals(ranked.get(1).passage(), answer.items().get(1).passage());
  }

  @Test
  void weakSupportGivesNoAnswer() {
    AnswerShaper.Shaped answer = shaper("How many workers should nginx run?").shape(List.of(
        scored("The kernel runs 4 worker threads per device.", 0.2, 0.2)), p -> null);
    assertNull(answer.text());
    assertEquals(0.2, answer.confidence(), 1e-9);
  }

  @Test
  void aClauseQuestionGetsTheExactAnswerOrElseTheSentenceClosestInMeaning() {
    AnswerShaper shaper = shaper("What is the pass key?");
    String text = "The pass key is 58654. Remember it.";
    assertEquals("58654", shaper.shape(List.of(scored(text, 0.7, 0.6)), p -> "58654").text());
    assertEquals("The pass key is 58654.", shaper.shape(List.of(scored(text, 0.7, 0.6)), p -> null).text());
  }

  @Test
  void longSentencesAreCutAtAWordBoundary() {
    String cut = AnswerShaper.wholeWords("word ".repeat(100).strip());
    assertTrue(cut.length() <= AnswerShaper.MAX_ANSWER_CHARS + 4, cut);
    assertTrue(cut.endsWith("word ..."), cut);
  }
}
