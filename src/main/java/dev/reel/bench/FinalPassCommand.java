package dev.reel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import dev.reel.ReelJob;
import dev.reel.cli.ReelCommand;
import dev.reel.cli.RuntimeSettings;
import dev.reel.score.ComputeBackend;
import dev.reel.score.ComputeBackends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The final pass on a GPU, checked through the real job. {@code final-pass-sample} runs the passkey and two-hop cases
 * with --backend cuda on this machine's CPU, recording every call of the final pass and the answer and passages;
 * the GPU host runs the calls on CUDA ({@link GpuFinalPassHarness}); {@code final-pass-replay} runs the cases again
 * with CUDA's outputs in place of the CPU's and says whether answers and passages are the same.
 */
final class FinalPassCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A small buffer, so the sample fits the GPU bundle and the device bound is tight. */
  private static final String BUFFER_MB = "4";

  private FinalPassCommand() {}

  /** A case: its name, the sentences planted in the haystack with their depths, and its question. */
  private record Setup(String name, List<String> plants, List<Double> depths, String question) {}

  private static final List<Setup> SETUPS = List.of(
      new Setup("passkey", List.of("The pass key is 71432. Remember it. 71432 is the pass key."), List.of(0.5),
          "What is the pass key?"),
      new Setup("two-hop", List.of("Yann went to the cellar.", "Yann picked up the compass.",
          "Greta travelled to the garden.", "Yann journeyed to the attic."), List.of(0.1, 0.3, 0.5, 0.7),
          "Where is the compass?"));

  @Command(name = "final-pass-sample", mixinStandardHelpOptions = true,
      description = "Runs the passkey and two-hop cases on the CPU, recording the final pass's kernel calls, their "
          + "outputs, the answer and the passages, for jobs/gpu-bundle's harness.")
  static final class Sample implements Callable<Integer> {
    @ParentCommand
    BenchCommand parent;

    @Option(names = "--out", defaultValue = "target/gpu-bundle/final-pass.bin", paramLabel = "FILE",
        description = "Where the sample goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
      Path work = ScratchDir.create("final-pass-sample");
      List<FinalPassSample.Case> cases = new ArrayList<>();
      try (SparkSession spark = RuntimeSettings.session("final-pass-sample", null)) {
        for (Setup setup : SETUPS) {
          List<FinalPassSample.Call> calls = new ArrayList<>();
          Path input = plant(parent.corpus, setup, work.resolve(setup.name()));
          Run run = run(spark, input, work.resolve(setup.name() + "-out"), arguments(setup),
              FinalPassBackends.recording(calls));
          cases.add(new FinalPassSample.Case(setup.name(), arguments(setup), calls, run.answer(), run.passages()));
          System.out.println("final-pass-sample: " + setup.name() + ": " + calls.size() + " calls, answer "
              + run.answer());
        }
      }
      new FinalPassSample(cases).write(out);
      System.out.println("final-pass-sample: written to " + out);
      return 0;
    }
  }

  @Command(name = "final-pass-replay", mixinStandardHelpOptions = true,
      description = "Runs the sampled cases again with the GPU host's final-pass outputs in place of the CPU's; "
          + "prints whether each answer and its passages are the CPU run's (exit 1 when not).")
  static final class Replay implements Callable<Integer> {
    @ParentCommand
    BenchCommand parent;

    @Option(names = "--sample", defaultValue = "target/gpu-bundle/final-pass.bin", paramLabel = "FILE",
        description = "The sample final-pass-sample wrote (default: ${DEFAULT-VALUE}).")
    Path sample;

    @Option(names = "--cuda", required = true, paramLabel = "FILE",
        description = "The GPU host's outputs for it (final-pass-cuda.bin from target/gpu-bundle/run.sh).")
    Path cuda;

    @Override
    public Integer call() throws Exception {
      FinalPassSample recorded = FinalPassSample.read(sample);
      FinalPassSample.Outputs outputs = BenchFiles.read(cuda, FinalPassSample.Outputs.class);
      Path work = ScratchDir.create("final-pass-replay");
      boolean same = true;
      System.out.println("| case | calls | answer (CPU) | answer (CUDA's final pass) | same answer | same passages |");
      System.out.println("|---|---|---|---|---|---|");
      try (SparkSession spark = RuntimeSettings.session("final-pass-replay", null)) {
        for (int c = 0; c < recorded.cases().size(); c++) {
          FinalPassSample.Case each = recorded.cases().get(c);
          Setup setup = SETUPS.stream().filter(s -> s.name().equals(each.name())).findFirst().orElseThrow();
          Path input = plant(parent.corpus, setup, work.resolve(each.name()));
          Run run = run(spark, input, work.resolve(each.name() + "-out"), each.arguments(),
              FinalPassBackends.replaying(each.calls(), outputs.perCase().get(c)));
          boolean answer = java.util.Objects.equals(each.answer(), run.answer());
          boolean passages = each.passages().equals(run.passages());
          same &= answer && passages;
          System.out.printf("| %s | %d | %s | %s | %s | %s |%n", each.name(), each.calls().size(), each.answer(),
              run.answer(), answer ? "yes" : "no", passages ? "yes (" + run.passages().size() + ")" : "no");
        }
      }
      System.out.println("CUDA outputs from: " + outputs.device());
      return same ? 0 : 1;
    }
  }

  private static List<String> arguments(Setup setup) {
    return List.of("--question", setup.question(), "--backend", "cuda", "--buffer-mb", BUFFER_MB);
  }

  /** What a run answered: the answer and its evidence passages' texts, in rank order. */
  private record Run(String answer, List<String> passages) {}

  private static Run run(SparkSession spark, Path input, Path output, List<String> arguments,
                         ComputeBackend backend) throws IOException {
    List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString()));
    args.addAll(arguments);
    ComputeBackends.register(backend);
    try {
      new ReelJob(ReelCommand.parseConfig(args.toArray(String[]::new))).run(spark);
    } finally {
      ComputeBackends.reset();
    }
    JsonNode answer = JSON.readTree(output.resolve("answer.json").toFile());
    List<String> passages = new ArrayList<>();
    answer.get("evidence").forEach(e -> passages.add(e.get("text").asText()));
    return new Run(answer.get("answer").isNull() ? null : answer.get("answer").asText(), passages);
  }

  /** The haystack's .txt files, in name order, as one text with the case's sentences planted after sentence ends. */
  private static Path plant(Path haystack, Setup setup, Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(haystack)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        text.append(Files.readString(file)).append("\n\n");
      }
    }
    // Deepest first, so each depth is a share of the haystack as it was.
    for (int p = setup.plants().size() - 1; p >= 0; p--) {
      int at = text.indexOf(". ", (int) (setup.depths().get(p) * text.length()));
      text.insert(at < 0 ? text.length() : at + 2, setup.plants().get(p) + " ");
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("haystack.txt"), text);
    return dir;
  }
}
