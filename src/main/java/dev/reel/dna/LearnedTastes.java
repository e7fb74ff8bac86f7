package dev.reel.dna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.tokenize.TokenFrequencies;

/**
 * Gate tastes learned by {@code jobs/train-dna}: per gate a unit taste vector, the similarity that catches a token,
 * and the tokens the gate likes most, so a person can see what each gate is for. Stored as JSON.
 *
 * @param model     the model whose vector space the tastes live in
 * @param seed      the seed that produced them
 * @param gates     the gates
 */
public record LearnedTastes(String model, long seed, List<Gate> gates) implements Serializable {
  /**
   * One learned gate.
   *
   * @param name       "learned-N"
   * @param taste      unit vector
   * @param threshold  cosine similarity that catches a token
   * @param weight     share of the corpus's weighted tokens in the gate's cluster
   * @param topTokens  the cluster's strongest tokens, by weight times closeness
   */
  public record Gate(String name, float[] taste, float threshold, double weight, List<String> topTokens)
      implements Serializable {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Tastes learned from a corpus' counts as {@code jobs/train-dna} learns them with its defaults: IDF-weighted
   * spherical k-means, {@code gates} gates, seeded; the same counts and seed give the same tastes.
   */
  public static LearnedTastes learn(TokenFrequencies frequencies, TokenVectors vectors, Vocabulary vocabulary,
                                    int gates, long seed, String model) {
    return new SphericalKMeans(vectors, vocabulary).train(frequencies.tfIdf(), gates, seed,
        SphericalKMeans.DEFAULT_ITERATIONS, SphericalKMeans.DEFAULT_CATCH_SHARE, model);
  }

  public void write(Path file) throws IOException {
    List<Map<String, Object>> gateRows = new ArrayList<>();
    for (Gate gate : gates) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", gate.name());
      row.put("threshold", gate.threshold());
      row.put("weight", gate.weight());
      row.put("top_tokens", gate.topTokens());
      row.put("taste", gate.taste());
      gateRows.add(row);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", model);
    root.put("seed", seed);
    root.put("gates", gateRows);
    JSON.writeValue(file.toFile(), root);
  }

  public static LearnedTastes read(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    List<Gate> gates = new ArrayList<>();
    for (JsonNode row : root.path("gates")) {
      JsonNode values = row.path("taste");
      float[] taste = new float[values.size()];
      for (int i = 0; i < taste.length; i++) {
        taste[i] = (float) values.get(i).asDouble();
      }
      List<String> top = new ArrayList<>();
      row.path("top_tokens").forEach(t -> top.add(t.asText()));
      gates.add(new Gate(row.path("name").asText(), taste, (float) row.path("threshold").asDouble(),
          row.path("weight").asDouble(), top));
    }
    if (gates.isEmpty()) {
      throw new IOException("dna: no gates in " + file + " (--dna); make one with jobs/train-dna");
    }
    return new LearnedTastes(root.path("model").asText(), root.path("seed").asLong(), gates);
  }
}
