package dev.reel.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuestionKindTest {
  @Test
  void noQuestionAsksForAClause() {
    assertEquals(QuestionKind.CLAUSE, QuestionKind.of(null));
    assertEquals(QuestionKind.CLAUSE, QuestionKind.of("What is the pass key?"));
    assertEquals(QuestionKind.CLAUSE, QuestionKind.of("What happens to dentries when the pressure is 0?"));
  }

  @Test
  void valuesNumbersAndDefaults() {
    assertEquals(QuestionKind.VALUE, QuestionKind.of("How many pages are scanned?"));
    assertEquals(QuestionKind.VALUE, QuestionKind.of("What is the default value of swappiness?"));
    assertEquals(QuestionKind.VALUE, QuestionKind.of("What is the special magic number for winter-castle?"));
  }

  @Test
  void pathsPeoplePlacesAndTimes() {
    assertEquals(QuestionKind.PATH, QuestionKind.of("Which file holds the kernel command line?"));
    assertEquals(QuestionKind.PATH, QuestionKind.of("Where is the crash dump stored?"));
    assertEquals(QuestionKind.PLACE, QuestionKind.of("Where was the party?"));
    assertEquals(QuestionKind.PLACE, QuestionKind.of("In which town is the startup located?"));
    assertEquals(QuestionKind.PATH, QuestionKind.of("Where does modprobe look for module parameters?"));
    assertEquals(QuestionKind.PERSON, QuestionKind.of("Who maintains the driver?"));
    assertEquals(QuestionKind.TIME, QuestionKind.of("When is the meeting?"));
    assertEquals(QuestionKind.PATH, QuestionKind.of("With which option were users naming the server?"));
    assertEquals(QuestionKind.PERSON, QuestionKind.of("To whom should bugs be reported?"));
  }

  @Test
  void theQuestionAfterALeadingClause() {
    assertEquals(QuestionKind.VALUE, QuestionKind.of("On x86 machines, how much memory is needed for boot?"));
    assertEquals(QuestionKind.VALUE, QuestionKind.of("When the pool runs out of room, how long are writes held?"));
    assertEquals(QuestionKind.VALUE, QuestionKind.of("With stock tuning, how frequently may warnings be printed?"));
    assertEquals(QuestionKind.PATH, QuestionKind.of("On a live system, in which file is the tainted state shown?"));
    assertEquals(QuestionKind.TIME, QuestionKind.of("When was the release, and who made it?"));
    assertEquals(QuestionKind.CLAUSE, QuestionKind.of("What is X, and how is it set?"));
    assertEquals(QuestionKind.PATH, QuestionKind.of("In 2.6 and upper, besides sysfs, in which file are the statistics?"));
    assertEquals(QuestionKind.PATH, QuestionKind.of("With which option were users naming the server, which they "
        + "should now take out?"));
  }

  @Test
  void strictQuestionsNameTheShapeOfTheirAnswer() {
    assertTrue(QuestionKind.namesItsShape("On x86 machines, how much memory is needed for boot?"));
    assertTrue(QuestionKind.namesItsShape("Which command-line options does sa-learn take?"));
    assertTrue(QuestionKind.namesItsShape("What release date was announced?"));
    assertFalse(QuestionKind.namesItsShape("What is the default value of swappiness?"));
    assertFalse(QuestionKind.namesItsShape("When does the pool shrink?"));
    assertFalse(QuestionKind.namesItsShape("Where does modprobe look for module parameters?"));
    assertFalse(QuestionKind.namesItsShape(null));
  }

  @Test
  void listsAskForEveryItem() {
    assertEquals(QuestionKind.LIST, QuestionKind.of("What are all the special magic numbers for winter-castle?"));
    assertEquals(QuestionKind.LIST, QuestionKind.of("What are the special magic numbers for a-b and c-d?"));
    assertEquals(QuestionKind.LIST, QuestionKind.of("Which modes does the cache have?"));
    assertEquals(QuestionKind.CLAUSE, QuestionKind.of("Which procfs entry shows the tainted state?"));
    assertEquals(QuestionKind.CLAUSE, QuestionKind.of("Which process owns the lock?"));
  }
}
