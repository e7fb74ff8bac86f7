package dev.reel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.reel.config.ModelOptions;
import dev.reel.testing.Corpora;
import dev.reel.testing.ModelCache;
import dev.reel.tokenize.QuestionTokens;

/** Sentence vectors of the real fp32 MiniLM, against the similarities sentence-transformers publishes. */
class SentenceEncoderTest {
  private byte[] tokenizerJson;
  private SentenceEncoder encoder;

  @BeforeEach
  void open() {
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, ModelCache.dir()));
    tokenizerJson = files.tokenizerJson();
    encoder = SentenceEncoder.open(files.onnxModel(), Vocabulary.parse(tokenizerJson));
  }

  @AfterEach
  void close() {
    encoder.close();
  }

  private float[] vector(String text) {
    return encoder.encode(QuestionTokens.ids(text, tokenizerJson));
  }

  /** sentence-transformers' README quick start: all-MiniLM-L6-v2 similarities of its three example sentences. */
  @Test
  void reproducesThePublishedSimilarities() {
    float[] weather = vector("The weather is lovely today.");
    float[] sunny = vector("It's so sunny outside!");
    float[] stadium = vector("He drove to the stadium.");
    assertEquals(0.6660, SentenceEncoder.cosine(weather, sunny), 5e-4);
    assertEquals(0.1046, SentenceEncoder.cosine(weather, stadium), 5e-4);
    assertEquals(0.1411, SentenceEncoder.cosine(sunny, stadium), 5e-4);
  }

  @Test
  void vectorsAreUnitLengthAndTheSameEveryTime() {
    float[] first = vector("The default value is 60.");
    double norm = SentenceEncoder.cosine(first, first);
    assertEquals(1.0, norm, 1e-5);
    vector("Something else in between.");
    assertArrayEquals(first, vector("The default value is 60."));
  }

  /** Real sentences of many lengths, some repeated: one batched call gives each the bits it gets alone. */
  @Test
  void encodingTogetherGivesEachTextItsVectorAlone() {
    String text = Corpora.mobyDick();
    List<int[]> texts = new ArrayList<>();
    for (String sentence : text.split("(?<=[.!?])\\s+")) {
      if (sentence.length() > 10 && texts.size() < 120) {
        texts.add(QuestionTokens.ids(sentence, tokenizerJson));
      }
    }
    texts.add(texts.get(3));
    texts.add(QuestionTokens.ids("word ".repeat(SentenceEncoder.MAX_TOKENS + 10), tokenizerJson));
    long lengths = texts.stream().mapToInt(ids -> ids.length).distinct().count();
    assertTrue(lengths > 10 && lengths < texts.size(), "lengths " + lengths + " of " + texts.size() + " texts");
    List<float[]> together = encoder.encodeAll(texts);
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, ModelCache.dir()));
    try (SentenceEncoder alone = SentenceEncoder.open(files.onnxModel(), Vocabulary.parse(tokenizerJson))) {
      for (int t = 0; t < texts.size(); t++) {
        assertArrayEquals(alone.encode(texts.get(t)), together.get(t), "text " + t);
      }
    }
  }

  @Test
  void textsPastTheModelsLengthAreCutNotRejected() {
    float[] whole = vector("word ".repeat(SentenceEncoder.MAX_TOKENS + 100));
    assertEquals(1.0, SentenceEncoder.cosine(whole, whole), 1e-5);
  }
}
