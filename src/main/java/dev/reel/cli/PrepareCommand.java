package dev.reel.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.reel.PrepareJob;
import dev.reel.config.IngestOptions;
import dev.reel.config.ModelOptions;

/** {@code jobs/reel prepare}: ingest, tokenize and place an archive once, for any number of {@code ask} runs. */
@Command(name = "prepare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Reads, tokenizes and places an archive once into a corpus directory, on any",
        "Hadoop file system: documents.parquet (text, token ids, spans, global",
        "positions), manifest.json (every input file, the tokenizer's and the model's",
        "fingerprints, counts), rejects.json, metrics.json, _SUCCESS last.",
        "Then: reel ask --corpus DIR --question TEXT (or --questions FILE)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:corpus written", "1:internal failure (see the log)", "2:invalid option",
        "3:input problem: missing path, empty corpus, unwritable --corpus"})
final class PrepareCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "File, directory or glob to read, on any Hadoop file system.")
  String input;

  @Option(names = "--corpus", required = true, paramLabel = "DIR",
      description = "Directory the prepared corpus is written to, on any Hadoop file system.")
  String corpus;

  @Option(names = "--append",
      description = "Read only the files new or changed since the corpus was prepared: new documents are placed after "
          + "it (positions continue after its last token), a changed file's documents replaced, a deleted file's "
          + "dropped; the manifest lists what changed. Without a corpus there yet, a full prepare.")
  boolean append;

  @Mixin
  IngestTuning ingest = new IngestTuning();

  @Mixin
  ModelTuning model = new ModelTuning();

  @Mixin
  RunOptions run = new RunOptions();

  @Override
  public Integer call() throws Exception {
    IngestOptions ingestOptions = Parsing.checked(this, () -> ingest.options(input));
    ModelOptions modelOptions = Parsing.checked(this, model::options);
    RuntimeSettings.checkLocalInput(input);
    RuntimeSettings.apply(modelOptions.cacheDir());
    try (SparkSession session = RuntimeSettings.session("reel-prepare", run.master)) {
      new PrepareJob(ingestOptions, modelOptions, corpus, append).run(session);
    }
    return 0;
  }
}
