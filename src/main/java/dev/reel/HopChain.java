package dev.reel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import dev.reel.config.ReelConfig;
import dev.reel.facts.FactQuestion;
import dev.reel.model.Vocabulary;
import dev.reel.reason.Evidence;
import dev.reel.reason.ListedItem;
import dev.reel.reason.ReasonStage;
import dev.reel.reason.ReelResult;
import dev.reel.reason.SentenceMeaning;
import dev.reel.score.Candidate;
import dev.reel.score.DnaGates;
import dev.reel.score.ScoreSummary;
import dev.reel.tokenize.QuestionTokens;
import dev.reel.tokenize.QuestionTokens.Weighted;
import dev.reel.tokenize.TokenFrequencies;

/**
 * Asks the question in up to --hops hops, each about what the last one found: its exact answer when it gave one,
 * else the rare words kept next to the tokens it asked for. Only the first hop asks in the user's words (and is
 * re-ranked by meaning); a list question's items are gathered over every hop.
 */
final class HopChain {
  /** What one hop asked and found. */
  record Hop(Weighted question, DnaGates gates, ScoreSummary summary, List<Candidate> buffer, ReelResult reel) {
    /** This hop with a list answer gathered over every hop. */
    Hop withItems(List<ListedItem> items) {
      return new Hop(question, gates, summary, buffer, reel.withItems(items));
    }

    Map<String, Object> describe(int number, Vocabulary vocabulary) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("hop", number);
      row.put("question_tokens", Arrays.stream(question.ids()).mapToObj(vocabulary::token).toList());
      row.put("answer", reel.answer());
      row.put("confidence", reel.confidence());
      Evidence top = reel.ranked().isEmpty() ? null : reel.ranked().get(0);
      // The fact this hop stands on, where it lives: a chain reads as its facts in corpus order.
      row.put("top_evidence", top == null ? null : top.text());
      row.put("top_evidence_source", top == null ? null : top.source());
      row.put("top_evidence_position", top == null ? null : top.position());
      return row;
    }
  }

  private final ReelConfig config;
  private final Vocabulary vocabulary;
  private final byte[] tokenizerJson;
  private final TokenFrequencies frequencies;
  private final Function<ReasonStage.Request, Hop> pass;

  /** {@code pass} runs one hop: score, gather and reason for one request. */
  HopChain(ReelConfig config, Vocabulary vocabulary, byte[] tokenizerJson, TokenFrequencies frequencies,
           Function<ReasonStage.Request, Hop> pass) {
    this.config = config;
    this.vocabulary = vocabulary;
    this.tokenizerJson = tokenizerJson;
    this.frequencies = frequencies;
    this.pass = pass;
  }

  /**
   * Asks {@code first} (the question's tokens) and its follow-ups; appends each hop to {@code trail}. A fact question
   * ({@link FactQuestion}) hops while its chain names an entity no hop has asked about, and answers with the chain's
   * end, written to {@code chain}; any other question hops as --hops says, each hop about what the last one found.
   */
  Hop ask(Weighted first, SentenceMeaning meaning, List<Map<String, Object>> trail, Chain chain) {
    FactQuestion factQuestion = config.hasQuestion() ? FactQuestion.parse(config.question()) : null;
    FactChain facts = factQuestion == null ? null : new FactChain(factQuestion);
    int ordinaryLimit = config.hops() > 0 ? config.hops() : 1;
    int limit = facts != null && config.hops() == 0 ? ReelConfig.FACT_HOPS : ordinaryLimit;
    Weighted question = first;
    Set<Integer> asked = new HashSet<>();
    Set<String> answered = new HashSet<>();
    Set<String> found = new HashSet<>();
    List<ListedItem> items = new ArrayList<>();
    for (int h = 1; ; h++) {
      ReasonStage.Request request = config.hasQuestion() ? new ReasonStage.Request(question, config.question(),
          h == 1 ? meaning : null, Set.copyOf(answered), Set.copyOf(asked), Set.copyOf(found),
          h == 1 && ordinaryLimit == 1) : ReasonStage.Request.none();
      Hop hop = pass.apply(request);
      Map<String, Object> row = hop.describe(h, vocabulary);
      trail.add(row);
      Arrays.stream(question.ids()).forEach(asked::add);
      if (facts != null) {
        facts.read(hop.reel(), h, row);
        Weighted followUp = facts.followUp(h, limit, row, entity -> QuestionTokens.fromExactAnswer(entity, asked,
            tokenizerJson, vocabulary, frequencies));
        if (followUp != null) {
          question = followUp;
          continue;
        }
        if (facts.settled(h, limit)) {
          return answered(hop, facts, chain);
        }
        // Nothing the reasoner relates: an ordinary question after all.
        facts = null;
        limit = ordinaryLimit;
      }
      // A list question gathers its items over every hop: "which variables hold V" finds one more link per hop.
      hop.reel().items().stream().filter(i -> items.stream().noneMatch(o -> o.text().equals(i.text())))
          .forEach(items::add);
      if (h >= limit || !config.hasQuestion() || hop.reel().ranked().isEmpty()) {
        return withItems(hop, h, items);
      }
      answered.add(ReelResult.key(hop.reel().ranked().get(0)));
      if (hop.reel().answer() != null) {
        found.addAll(Arrays.asList(hop.reel().answer().toLowerCase(Locale.ROOT).split("\\W+")));
      }
      question = next(hop, asked);
      if (question.ids().length == 0) {
        return withItems(hop, h, items);
      }
    }
  }

  /** The last hop answering with the fact chain's end; the chain and the facts read go to {@code chain}. */
  private static Hop answered(Hop hop, FactChain facts, Chain chain) {
    chain.facts().addAll(facts.describeFacts());
    chain.used().addAll(facts.describeChain());
    return new Hop(hop.question(), hop.gates(), hop.summary(), hop.buffer(), facts.answer(hop.reel()));
  }

  /** The last hop, with a list's items gathered over every hop when there were several. */
  private static Hop withItems(Hop hop, int hops, List<ListedItem> items) {
    return hops == 1 || items.isEmpty() ? hop : hop.withItems(items);
  }

  /**
   * What a fact question's answer stood on, for answer.json.
   *
   * @param used  the chain of facts the answer used, in corpus order
   * @param facts every fact read about the entities asked for
   */
  record Chain(List<Map<String, Object>> used, List<Map<String, Object>> facts) {
    Chain() {
      this(new ArrayList<>(), new ArrayList<>());
    }
  }

  /** The next hop's question: the last hop's exact answer, else what it kept next to the tokens it asked for. */
  private Weighted next(Hop hop, Set<Integer> asked) {
    Weighted question = QuestionTokens.fromExactAnswer(hop.reel().answer(), asked, tokenizerJson, vocabulary,
        frequencies);
    return question.ids().length > 0 ? question
        : QuestionTokens.nextHop(hop.reel().ranked().get(0).tokens(), asked, vocabulary, frequencies);
  }
}
