package dev.reel.dna;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.reel.cli.RuntimeSettings;
import dev.reel.config.IngestOptions;
import dev.reel.config.ModelOptions;
import dev.reel.ingest.IngestRecord;
import dev.reel.ingest.IngestStage;
import dev.reel.model.ModelFiles;
import dev.reel.model.StaticVectorTable;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.tokenize.TokenFrequencies;
import dev.reel.tokenize.TokenizeStage;
import dev.reel.tokenize.TokenizedDoc;

/**
 * {@code jobs/train-dna}: learns DNA gate tastes from a corpus. Spark reads and tokenizes the corpus and sums token
 * and document counts in a tree (exact integer sums); the driver then runs seeded, IDF-weighted spherical k-means
 * over the vocabulary's vectors (30,522 points: seconds). The tastes file lists each gate's top tokens.
 */
@Command(name = "train-dna", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Learns DNA gate tastes from a corpus; use them with jobs/reel --dna FILE.")
public final class TrainDnaCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(TrainDnaCommand.class);

  @Option(names = "--input", required = true, paramLabel = "PATH", description = "Corpus: file, directory or glob.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "Tastes file to write (JSON).")
  Path output;

  @Option(names = "--gates", defaultValue = "16", paramLabel = "G", description = "Gates (default: ${DEFAULT-VALUE}).")
  int gates;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--iterations", defaultValue = "" + SphericalKMeans.DEFAULT_ITERATIONS, paramLabel = "N",
      description = "k-means iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--catch-share", defaultValue = "" + SphericalKMeans.DEFAULT_CATCH_SHARE, paramLabel = "S",
      description = "Share of its cluster's weight each gate's threshold catches (default: ${DEFAULT-VALUE}).")
  double catchShare;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
  String master;

  @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.cache/highlight-reel",
      description = "Model cache, as for jobs/reel (default: ${DEFAULT-VALUE}).")
  Path cacheDir;

  @Override
  public Integer call() throws Exception {
    if (gates < 1 || iterations < 1 || catchShare <= 0 || catchShare > 1) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--gates and --iterations must be positive and --catch-share in (0, 1]");
    }
    RuntimeSettings.checkLocalInput(input);
    RuntimeSettings.apply(cacheDir.toString());
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, cacheDir.toString()));
    byte[] tokenizerJson = files.tokenizerJson();
    Vocabulary vocabulary = Vocabulary.parse(tokenizerJson);
    TokenVectors vectors = StaticVectorTable.load(files, vocabulary, cacheDir);
    try (SparkSession session = RuntimeSettings.session("train-dna", master)) {
      JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
      IngestStage ingest = new IngestStage(IngestOptions.defaults(input));
      JavaRDD<IngestRecord> records = ingest.run(spark,
          ingest.listFiles(session.sparkContext().hadoopConfiguration()), spark.defaultParallelism() * 4);
      JavaRDD<TokenizedDoc> tokens = TokenizeStage.run(records.filter(r -> !r.isReject()),
          spark.broadcast(tokenizerJson), spark.sc().longAccumulator("documents tokenized"))
          .persist(StorageLevel.MEMORY_AND_DISK_SER());
      TokenFrequencies frequencies = TokenFrequencies.count(tokens, vocabulary.size());
      LOG.info("train-dna: {} documents counted; learning {} tastes (seed {})", frequencies.documents(), gates, seed);
      LearnedTastes tastes = new SphericalKMeans(vectors, vocabulary)
          .train(frequencies.tfIdf(), gates, seed, iterations, catchShare, files.modelName());
      tastes.write(output);
      for (LearnedTastes.Gate gate : tastes.gates()) {
        LOG.info("{} (threshold {}, weight {}): {}", gate.name(), String.format("%.3f", gate.threshold()),
            String.format("%.3f", gate.weight()), String.join(" ", gate.topTokens()));
      }
      LOG.info("train-dna: wrote {}", output);
    }
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainDnaCommand()).execute(args));
  }
}
