package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerItemsTest {
  private static List<String> texts(QuestionKind kind, String sentence) {
    return AnswerItems.find(AnswerItems.Shape.of(kind), sentence).stream().map(AnswerItems.Item::text).toList();
  }

  @Test
  void numbersKeepTheirUnitAndNeverCutAWord() {
    assertEquals(List.of("1024KB"), texts(QuestionKind.VALUE, "If you set this lower than 1024KB, it breaks."));
    assertEquals(List.of("60", "30 seconds"), texts(QuestionKind.VALUE, "The default is 60; it waits 30 seconds."));
    assertEquals(List.of("2.6.29"), texts(QuestionKind.VALUE, "Valid for Linux kernel version 2.6.29."));
    assertEquals(List.of(), texts(QuestionKind.VALUE, "ext4 and x86_64 hold digits inside words"));
    assertEquals(List.of("350-450 msec", "2.4.18-3"),
        texts(QuestionKind.VALUE, "It took 350-450 msec on 2002-08-26 with 2.4.18-3."), "a date is no number");
    assertEquals(List.of("five seconds"), texts(QuestionKind.VALUE, "One of them warns once every five seconds."));
    assertEquals(List.of("2:1"), texts(QuestionKind.VALUE, "We expect a 2:1 compression ratio by 18:27:05."));
  }

  @Test
  void pathsParametersOptionsAndAddresses() {
    assertEquals(List.of("/proc/sys/vm/swappiness", "vm.swappiness"),
        texts(QuestionKind.PATH, "Write to /proc/sys/vm/swappiness (vm.swappiness)."));
    assertEquals(List.of("pfifo_fast"), texts(QuestionKind.PATH, "This overrides the default of pfifo_fast."));
    assertEquals(List.of("-rs"), texts(QuestionKind.PATH, "If you use the -rs option, take it out."));
    assertEquals(List.of("http://example.org/a.html"), texts(QuestionKind.PATH, "See http://example.org/a.html."));
  }

  @Test
  void aQuestionNamingAFlagFileOrAddressWantsThatShape() {
    assertEquals(AnswerItems.Shape.OPTION, AnswerItems.pathShape("Which spamc flag alters the size limit?"));
    assertEquals(AnswerItems.Shape.FILE, AnswerItems.pathShape("Which file should users merge into mt.cfg?"));
    assertEquals(AnswerItems.Shape.URL, AnswerItems.pathShape("What is the project's web site?"));
    assertEquals(null, AnswerItems.pathShape("Which parameter limits it?"));
    assertEquals(List.of("-s"), AnswerItems.find(AnswerItems.Shape.OPTION,
        "spamc/spamd has the command line switch -s to change this value").stream().map(AnswerItems.Item::text)
        .toList());
    String url = "See http://www.movabletype.org/docs/mtchanges.html for more";
    assertEquals(List.of(), AnswerItems.find(AnswerItems.Shape.FILE, url), "no file cut out of an address");
    assertEquals(List.of("http://www.movabletype.org/docs/mtchanges.html"),
        AnswerItems.find(AnswerItems.Shape.URL, url).stream().map(AnswerItems.Item::text).toList());
    assertEquals(List.of("mt-search.cfg", "mt.cfg"), AnswerItems.find(AnswerItems.Shape.FILE,
        "Merge the contents of mt-search.cfg into mt.cfg now").stream().map(AnswerItems.Item::text).toList());
  }

  @Test
  void namesSkipACapitalisedSentenceStart() {
    assertEquals(List.of("Robert Elz"), texts(QuestionKind.PERSON, "The patch came from Robert Elz last week."));
    assertEquals(List.of(), texts(QuestionKind.PERSON, "The Linux kernel is large."));
    assertEquals(List.of(), texts(QuestionKind.PERSON, "Contact\n\nThe Linux kernel security team"));
  }

  @Test
  void placesFollowTheirPreposition() {
    assertEquals(List.of("the DNA Lounge"), texts(QuestionKind.PLACE, "A party at the DNA Lounge tonight."));
  }

  @Test
  void assignedVariablesAreTheLeftSides() {
    assertEquals(List.of("QPRZT"), AnswerItems.find(AnswerItems.Shape.ASSIGNED, "VAR QPRZT = VAR KDJSE.").stream()
        .map(AnswerItems.Item::text).toList());
    assertEquals(List.of("x"), AnswerItems.find(AnswerItems.Shape.ASSIGNED, "Then x = 5 and x == 5 holds.").stream()
        .map(AnswerItems.Item::text).toList());
    assertEquals(AnswerItems.Shape.ASSIGNED, AnswerItems.listShape("Which variables are assigned the value 4?"));
    assertEquals(AnswerItems.Shape.NUMBER, AnswerItems.listShape("What are all the special magic numbers for k?"));
  }

  @Test
  void enumerationsSplitIntoTheirMembers() {
    assertEquals(List.of("writeback", "writethrough", "passthrough"), AnswerItems.enumeration(
        "The cache has three operating modes: writeback, writethrough and passthrough.").stream()
        .map(AnswerItems.Item::text).toList());
  }
}
