package dev.reel.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Answers a {@link FactQuestion} from facts in corpus order. A person is where their latest move before the point
 * asked about took them; an object is with whoever took it or was handed it last, so it is where that holder is, or
 * where it was dropped; a variable's value is its latest assignment, followed through every variable it names to a
 * literal. An entity the chain passes through that no hop has asked about yet is named as {@code need}: the next hop
 * asks about it, since its facts after the hand-over need not be in a buffer filled for the first question.
 */
public final class FactReasoner {
  /** Links followed at most: a chain longer than this, or a cycle, resolves to nothing. */
  static final int MAX_LINKS = 16;
  private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");

  /**
   * What the facts give.
   *
   * @param answer the place or value; null when the facts read so far give none
   * @param chain  the facts the answer stands on, in corpus order
   * @param need   an entity the chain passes through that no hop has asked about yet, as written; null when none
   */
  public record Resolution(String answer, List<Fact> chain, String need) {}

  /** A place reached, the facts that put the entity there, and the first entity still to ask about. */
  private record Located(String place, List<Fact> chain, String need) {
    static final Located NOWHERE = new Located(null, List.of(), null);
  }

  private final List<Fact> facts;
  private final Set<String> asked;

  private FactReasoner(Collection<Fact> facts, Set<String> asked) {
    this.facts = facts.stream().sorted(Comparator.comparingLong(Fact::position)).toList();
    this.asked = asked;
  }

  /**
   * Resolves {@code question} over {@code facts}.
   *
   * @param asked keys ({@link Fact#key}) of the entities some hop has asked about
   */
  public static Resolution resolve(FactQuestion question, Collection<Fact> facts, Set<String> asked) {
    FactReasoner reasoner = new FactReasoner(facts, asked);
    return switch (question.kind()) {
      case WHERE -> reasoner.where(question.entityKey(), question.entity());
      case BEFORE -> reasoner.before(question.entityKey(), Fact.key(question.before()));
      case VALUE -> reasoner.value(question.entityKey(), question.entity(), new LinkedHashSet<>());
    };
  }

  private Resolution where(String entity, String written) {
    Located at = locate(entity, Long.MAX_VALUE, 0);
    String need = at.need() != null ? at.need() : at.place() == null && !asked.contains(entity) ? written : null;
    return new Resolution(at.place(), ordered(at.chain()), need);
  }

  /** Where {@code entity} is just before {@code before} (a position), and the facts that say so. */
  private Located locate(String entity, long before, int links) {
    if (links > MAX_LINKS) {
      return Located.NOWHERE;
    }
    Fact event = latest(f -> f.kind() != Fact.Kind.MOVE && f.kind() != Fact.Kind.ASSIGN
        && f.names(f.thing(), entity), before);
    Fact move = latest(f -> f.kind() == Fact.Kind.MOVE && f.names(f.actor(), entity), before);
    if (event != null && (move == null || event.position() >= move.position())) {
      if (event.kind() == Fact.Kind.DROP) {
        // Dropped: it stays where the one who dropped it was then.
        return through(event, event.actor(), event.position(), links);
      }
      return through(event, event.kind() == Fact.Kind.TAKE ? event.actor() : event.target(), before, links);
    }
    return move == null ? Located.NOWHERE : new Located(move.target(), List.of(move), null);
  }

  /** The object's place by way of the person {@code holder} at {@code before}: the holder's place, with the event. */
  private Located through(Fact event, String holder, long before, int links) {
    Located at = locate(Fact.key(holder), before, links + 1);
    List<Fact> chain = new ArrayList<>(at.chain());
    chain.add(event);
    String need = !asked.contains(Fact.key(holder)) ? holder : at.need();
    return new Located(at.place(), chain, need);
  }

  /** One place on an entity's trail and the fact that put it there. */
  private record Step(String place, Fact fact) {}

  /**
   * An entity's trail: the places it has been, in order, without repeats in a row.
   *
   * @param places the places, each with the fact that put the entity there
   * @param events the object's pick-ups, hand-overs and drops (empty for a person)
   * @param need   a holder no hop has asked about, or the entity itself when nothing about it was read
   */
  private record Trail(List<Step> places, List<Fact> events, String need) {}

  private Resolution before(String entity, String place) {
    Trail trail = trail(entity);
    List<Step> places = trail.places();
    for (int i = places.size() - 1; i > 0; i--) {
      if (Fact.key(places.get(i).place()).equals(place)) {
        Step earlier = places.get(i - 1);
        long upTo = places.get(i).fact().position();
        List<Fact> chain = new ArrayList<>(trail.events().stream().filter(f -> f.position() <= upTo).toList());
        chain.add(earlier.fact());
        chain.add(places.get(i).fact());
        return new Resolution(earlier.place(), ordered(chain), trail.need());
      }
    }
    return new Resolution(null, List.of(), trail.need());
  }

  /** A person's moves; an object's holders' places while each held it (where it was taken, then their moves). */
  private Trail trail(String entity) {
    List<Step> steps = new ArrayList<>();
    List<Fact> events = facts.stream().filter(f -> f.kind() != Fact.Kind.MOVE && f.kind() != Fact.Kind.ASSIGN
        && f.names(f.thing(), entity)).toList();
    String need = null;
    if (events.isEmpty()) {
      movesOf(entity, -1, Long.MAX_VALUE).forEach(f -> steps.add(new Step(f.target(), f)));
      need = steps.isEmpty() && !asked.contains(entity) ? entity : null;
    }
    for (int e = 0; e < events.size(); e++) {
      Fact event = events.get(e);
      if (event.kind() == Fact.Kind.DROP) {
        continue;
      }
      String holder = Fact.key(event.kind() == Fact.Kind.TAKE ? event.actor() : event.target());
      need = need == null && !asked.contains(holder) ? (event.kind() == Fact.Kind.TAKE ? event.actor()
          : event.target()) : need;
      Located start = locate(holder, event.position() + 1, 0);
      if (start.place() != null) {
        steps.add(new Step(start.place(), event));
      }
      long until = e + 1 < events.size() ? events.get(e + 1).position() : Long.MAX_VALUE;
      movesOf(holder, event.position(), until).forEach(f -> steps.add(new Step(f.target(), f)));
    }
    List<Step> places = new ArrayList<>();
    for (Step step : steps) {
      if (places.isEmpty() || !Fact.key(places.get(places.size() - 1).place()).equals(Fact.key(step.place()))) {
        places.add(step);
      }
    }
    return new Trail(places, events, need);
  }

  /** The moves of {@code person} strictly between two positions, in order. */
  private List<Fact> movesOf(String person, long after, long before) {
    return facts.stream().filter(f -> f.kind() == Fact.Kind.MOVE && f.names(f.actor(), person)
        && f.position() > after && f.position() < before).toList();
  }

  private Resolution value(String variable, String written, Set<String> seen) {
    if (!seen.add(variable) || seen.size() > MAX_LINKS) {
      return new Resolution(null, List.of(), null);
    }
    Fact assignment = latest(f -> f.kind() == Fact.Kind.ASSIGN && f.names(f.thing(), variable), Long.MAX_VALUE);
    if (assignment == null) {
      return new Resolution(null, List.of(), asked.contains(variable) ? null : written);
    }
    String target = assignment.target();
    boolean reference = target.startsWith("VAR ") || !LITERAL.matcher(target).matches()
        && facts.stream().anyMatch(f -> f.kind() == Fact.Kind.ASSIGN && f.names(f.thing(), Fact.key(target)));
    if (!reference) {
      return new Resolution(target, List.of(assignment), null);
    }
    Resolution rest = value(Fact.key(target), target, seen);
    List<Fact> chain = new ArrayList<>(rest.chain());
    chain.add(assignment);
    return new Resolution(rest.answer(), ordered(chain), rest.need());
  }

  /** The latest fact before {@code before} that {@code matches}. */
  private Fact latest(Predicate<Fact> matches, long before) {
    Fact latest = null;
    for (Fact fact : facts) {
      if (fact.position() < before && matches.test(fact)) {
        latest = fact;
      }
    }
    return latest;
  }

  private static List<Fact> ordered(List<Fact> chain) {
    return chain.stream().distinct().sorted(Comparator.comparingLong(Fact::position)).toList();
  }
}
