package dev.reel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import dev.reel.facts.Fact;
import dev.reel.facts.FactQuestion;
import dev.reel.facts.FactReader;
import dev.reel.facts.FactReasoner;
import dev.reel.facts.Statement;
import dev.reel.reason.Evidence;
import dev.reel.reason.ReelResult;
import dev.reel.score.Candidate;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * The facts a {@link FactQuestion} relates, gathered over every hop: each hop's passages are read sentence by
 * sentence into facts at their corpus positions, and the reasoner resolves the question over all of them so far,
 * naming the entity the next hop must ask about (the holder of an object, the variable a link points to) until the
 * chain reaches its end.
 */
final class FactChain {
  /** Facts written to answer.json at most (facts naming the entities asked about). */
  static final int FACTS_WRITTEN = 100;

  private final FactQuestion question;
  private final Map<String, Statement> read = new LinkedHashMap<>();
  private final Map<String, Evidence> passageOf = new LinkedHashMap<>();
  private final List<Fact> facts = new ArrayList<>();
  private final Set<String> asked = new HashSet<>();
  private FactReasoner.Resolution resolution = new FactReasoner.Resolution(null, List.of(), null);

  FactChain(FactQuestion question) {
    this.question = question;
    asked.add(question.entityKey());
  }

  /** Reads hop {@code hop}'s passages and resolves the question over every fact read so far; notes it in {@code row}. */
  void read(ReelResult reel, int hop, Map<String, Object> row) {
    for (Evidence passage : reel.passages()) {
      for (int[] range : FactReader.sentences(passage.text())) {
        String key = passage.docId() + "@" + (passage.charStart() + range[0]);
        if (!read.containsKey(key)) {
          Statement statement = new Statement(passage.text().substring(range[0], range[1]), passage.source(), key,
              position(passage, passage.charStart() + range[0]), hop);
          read.put(key, statement);
          passageOf.put(key, passage);
          facts.addAll(FactReader.read(statement));
        }
      }
    }
    resolution = FactReasoner.resolve(question, facts, asked);
    row.put("facts", question + " over " + facts.size() + " facts from " + read.size() + " sentences");
  }

  /**
   * After hop {@code hop} of at most {@code limit}: the next hop's question when the chain names an entity no hop has
   * asked about ({@code tokens} gives its tokens; none left means none), noted in {@code row}; else null.
   */
  Weighted followUp(int hop, int limit, Map<String, Object> row, Function<String, Weighted> tokens) {
    String need = resolution.need();
    if (need == null || hop >= limit) {
      return null;
    }
    Weighted next = tokens.apply(need);
    if (next.ids().length == 0) {
      return null;
    }
    asked.add(Fact.key(need));
    row.put("next", need);
    return next;
  }

  /** Whether the chain stops here: answered, or unable to go on (the next entity gave no tokens, or no hop left). */
  boolean settled(int hop, int limit) {
    return resolved() || resolution.need() != null || hop >= limit;
  }

  private boolean resolved() {
    return resolution.answer() != null;
  }

  /** The last hop's reel answering with the chain's end, its passage first; {@code reel} as it was if unresolved. */
  ReelResult answer(ReelResult reel) {
    if (!resolved()) {
      return reel;
    }
    Fact last = resolution.chain().stream().filter(f -> resolution.answer().equals(f.target())).reduce((a, b) -> b)
        .orElse(resolution.chain().get(resolution.chain().size() - 1));
    // Every entity on the chain asked about by some hop: the facts after each hand-over were looked for.
    boolean complete = resolution.need() == null;
    String kind = question.kind() == FactQuestion.Kind.VALUE ? "value" : "place";
    return reel.withChainAnswer(resolution.answer(), complete ? 1.0 : 0.5, kind,
        passageOf.get(last.statement().key()));
  }

  /** The chain as answer.json shows it: each fact, its kind, source, position and the hop that read it. */
  List<Map<String, Object>> describeChain() {
    return resolution.chain().stream().map(FactChain::describe).toList();
  }

  /**
   * The facts read about the entities asked for or passed through by the chain, in corpus order (at most
   * {@link #FACTS_WRITTEN}).
   */
  List<Map<String, Object>> describeFacts() {
    Set<String> entities = new HashSet<>(asked);
    for (Fact fact : resolution.chain()) {
      java.util.stream.Stream.of(fact.actor(), fact.thing(), fact.target()).filter(java.util.Objects::nonNull)
          .map(Fact::key).forEach(entities::add);
    }
    return facts.stream().filter(f -> entities.contains(Fact.key(f.actor())) || entities.contains(Fact.key(f.thing()))
            || entities.contains(Fact.key(f.target())))
        .sorted(java.util.Comparator.comparingLong(Fact::position)).limit(FACTS_WRITTEN)
        .map(FactChain::describe).toList();
  }

  private static Map<String, Object> describe(Fact fact) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("fact", fact.statement().text());
    row.put("kind", fact.kind().name().toLowerCase(Locale.ROOT));
    row.put("source", fact.statement().source());
    row.put("position", fact.position());
    row.put("hop", fact.statement().hop());
    return row;
  }

  /** A sentence's position: its first kept token's, or the passage's last when it holds none. */
  private static long position(Evidence passage, int charStart) {
    for (Candidate token : passage.tokens()) {
      if (token.charStart() >= charStart) {
        return token.position();
      }
    }
    return passage.endPosition();
  }
}
