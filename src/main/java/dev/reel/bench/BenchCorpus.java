package dev.reel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import dev.reel.config.ModelOptions;
import dev.reel.model.ModelFiles;
import dev.reel.model.PrincipalProjection;
import dev.reel.model.StaticVectorTable;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.score.ScoringModel;
import dev.reel.tokenize.DocumentTokenizer;

/** Real inputs for the benchmarks: MiniLM's vectors and the token ids of real prose from a folder of text files. */
final class BenchCorpus {
  final Vocabulary vocabulary;
  final TokenVectors vectors;
  final TokenVectors attentionVectors;
  final int[] ids;
  final String text;
  private final DocumentTokenizer tokenizer;

  BenchCorpus(Path textFolder, Path cacheDir) throws IOException {
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, cacheDir.toString()));
    byte[] tokenizerJson = files.tokenizerJson();
    vocabulary = Vocabulary.parse(tokenizerJson);
    vectors = StaticVectorTable.load(files, vocabulary, cacheDir);
    attentionVectors = PrincipalProjection.project(vectors, ScoringModel.ATTENTION_DIMS).vectors();
    text = readAll(textFolder);
    tokenizer = DocumentTokenizer.of(tokenizerJson);
    ids = tokenizer.tokenize(text)[0];
  }

  int[] tokenize(String text) {
    return tokenizer.tokenize(text)[0];
  }

  /** {@code count} token ids, repeating the corpus when it is shorter. */
  int[] tokens(int from, int count) {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = ids[(from + i) % ids.length];
    }
    return out;
  }

  private static String readAll(Path folder) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt"))
          .sorted(Comparator.naturalOrder()).toList()) {
        text.append(Files.readString(file, StandardCharsets.UTF_8)).append("\n\n");
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return text.toString();
  }
}
