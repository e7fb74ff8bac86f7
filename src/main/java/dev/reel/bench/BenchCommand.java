package dev.reel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jobs/bench}: measurements written to results files (Markdown) with machine, date, commit and command. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCommand.Alpha.class,
    BenchCommand.Throughput.class, BenchCommand.Dna.class, ScaleCommand.class, AskBench.class, GpuSampleCommand.class,
    FinalPassCommand.Sample.class, FinalPassCommand.Replay.class}, description = "Benchmarks of the reel job's kernels and stages.")
public final class BenchCommand {
  @Option(names = "--corpus", defaultValue = "data-samples/prose", paramLabel = "DIR",
      description = "Folder of .txt files whose tokens feed the kernels (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--cache-dir", defaultValue = "${sys:user.home}/.cache/highlight-reel", paramLabel = "DIR",
      description = "Model cache, as for jobs/reel (default: ${DEFAULT-VALUE}).")
  Path cacheDir;

  @Command(name = "alpha", mixinStandardHelpOptions = true, description = "Kernel time against chunk length C for each alpha; fitted log-log slopes.")
  static final class Alpha implements Callable<Integer> {
    @ParentCommand
    BenchCommand parent;

    @Option(names = "--sizes", split = ",", defaultValue = "512,1024,2048,4096,8192,16384")
    int[] sizes;

    @Option(names = "--alphas", split = ",", defaultValue = "0,0.3,0.6,1")
    double[] alphas;

    @Option(names = "--reps", defaultValue = "5")
    int reps;

    @Option(names = "--out", defaultValue = "jobs/results/alpha-scaling.md")
    Path out;

    @Override
    public Integer call() throws Exception {
      BenchCorpus corpus = new BenchCorpus(parent.corpus, parent.cacheDir);
      List<AlphaScaling.Row> rows = new AlphaScaling(corpus, reps).run(alphas, sizes);
      StringBuilder md = new StringBuilder(BenchReport.header("Alpha slider: kernel time against chunk length",
          "jobs/bench alpha --sizes " + BenchReport.join(sizes) + " --alphas " + BenchReport.join(alphas) + " --reps " + reps));
      md.append("One chunk of C real tokens (Moby Dick and the other prose of data-samples, MiniLM vectors projected "
          + "on their top 64 principal directions, RoPE at positions near 9,000,000), attention received computed "
          + "by `TorchShortlistAttention` on the PyTorch CPU engine, one thread. After a JIT warm-up, ").append(reps).append(" rounds each visit every size (a few untimed "
          + "calls, then timed ones); a size's time is its fastest over all rounds, so the machine's slow spells "
          + "spread over all sizes instead of bending the slope. L = keys per query.\n\n| alpha | expected slope | fitted slope |");
      for (int size : sizes) {
        md.append(" C=").append(size).append(" s (L) |");
      }
      md.append("\n|---|---|---|").append("---|".repeat(sizes.length)).append('\n');
      for (AlphaScaling.Row row : rows) {
        md.append(String.format(Locale.ROOT, "| %.1f | %.2f | %.3f |", row.alpha(), 2 - row.alpha(), row.slope()));
        for (int s = 0; s < sizes.length; s++) {
          md.append(String.format(Locale.ROOT, " %.4f (%d) |", row.seconds()[s], row.keys()[s]));
        }
        md.append('\n');
      }
      BenchReport.write(out, md.toString());
      return 0;
    }
  }

  @Command(name = "throughput", mixinStandardHelpOptions = true, description = "Tokens/s of embed + DNA + attention, alpha = 1 against dense.")
  static final class Throughput implements Callable<Integer> {
    @ParentCommand
    BenchCommand parent;

    @Option(names = "--tokens", defaultValue = "2000000")
    long tokens;

    @Option(names = "--dense-tokens", defaultValue = "500000")
    long denseTokens;

    @Option(names = "--chunk-tokens", split = ",", defaultValue = "512,4096")
    int[] chunkTokens;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Option(names = "--out", defaultValue = "jobs/results/scorer-throughput.md")
    Path out;

    @Override
    public Integer call() throws Exception {
      BenchCorpus corpus = new BenchCorpus(parent.corpus, parent.cacheDir);
      ScorerThroughput bench = new ScorerThroughput(corpus);
      StringBuilder md = new StringBuilder(BenchReport.header("Scorer throughput: embed + DNA + attention",
          "jobs/bench throughput --tokens " + tokens + " --dense-tokens " + denseTokens + " --chunk-tokens "
              + BenchReport.join(chunkTokens) + " --threads " + threads));
      md.append("Real tokens (data-samples prose, repeated), 16 seeded random DNA gates, MiniLM vectors, attention in "
          + "64 principal dimensions with RoPE; one PyTorch CPU scorer per thread, as one per Spark task. "
          + "Static vectors make DNA gravity, gate and relevance functions of the token id: the job computes them for "
          + "the whole vocabulary once on the driver (its time is the last column; it is not per chunk) and chunks "
          + "look them up. The original managed 7,813 tokens/s on CPU.\n\n"
          + "| chunk tokens | alpha = 1 tokens/s | dense (alpha = 0) tokens/s | ratio | DNA lookup build, s |\n"
          + "|---|---|---|---|---|\n");
      for (int c : chunkTokens) {
        double linear = bench.tokensPerSecond(1, c, tokens, threads);
        double dense = bench.tokensPerSecond(0, c, denseTokens, threads);
        System.err.printf(Locale.ROOT, "C %d: alpha 1 %.0f tokens/s, dense %.0f tokens/s%n", c, linear, dense);
        md.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.1fx | %.2f |%n", c, linear, dense,
            linear / dense, bench.lookupSeconds));
      }
      BenchReport.write(out, md.toString());
      return 0;
    }
  }

  @Command(name = "dna", mixinStandardHelpOptions = true, description = "The seed's experiment: tokens caught by random and by learned tastes.")
  static final class Dna implements Callable<Integer> {
    @ParentCommand
    BenchCommand parent;

    @Option(names = "--tastes", required = true, paramLabel = "FILE", description = "Tastes from jobs/train-dna.")
    Path tastes;

    @Option(names = "--text", defaultValue = "data-samples/prose/moby-dick/chapter_1.txt", paramLabel = "FILE")
    Path text;

    @Option(names = "--tokens", defaultValue = "500")
    int tokens;

    @Option(names = "--seeds", defaultValue = "5")
    int seeds;

    @Option(names = "--out", defaultValue = "jobs/results/dna-catch.md")
    Path out;

    @Override
    public Integer call() throws Exception {
      BenchCorpus corpus = new BenchCorpus(parent.corpus, parent.cacheDir);
      int[] ids = Arrays.copyOf(corpus.tokenize(Files.readString(text)), tokens);
      dev.reel.dna.LearnedTastes learned = dev.reel.dna.LearnedTastes.read(tastes);
      StringBuilder md = new StringBuilder(BenchReport.header("DNA: tokens caught, random against learned tastes",
          "jobs/bench dna --tastes " + tastes + " --text " + text + " --tokens " + tokens + " --seeds " + seeds));
      md.append("The first ").append(tokens).append(" tokens of `").append(text).append("`, MiniLM static vectors "
          + "(centred, unit). A token is caught when its cosine to some gate's taste clears that gate's threshold. "
          + "Random tastes: 16 Gaussian unit vectors per seed. Learned: `").append(tastes).append("` (")
          .append(learned.gates().size()).append(" gates, IDF-weighted spherical k-means, thresholds catching "
          + "75% of each cluster's weight).\n\n| tastes | threshold | caught of ").append(tokens).append(" |\n|---|---|---|\n");
      for (float threshold : new float[] {0.1f, 0.15f, 0.2f}) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int seed = 1; seed <= seeds; seed++) {
          int caught = DnaCatch.count(DnaCatch.random(16, seed, threshold, corpus), corpus.vectors, ids).caught();
          min = Math.min(min, caught);
          max = Math.max(max, caught);
        }
        md.append(String.format(Locale.ROOT, "| random, %d seeds | %.2f | %d to %d |%n", seeds, threshold, min, max));
      }
      DnaCatch.Catch learnedCatch = DnaCatch.count(DnaCatch.learned(learned, corpus), corpus.vectors, ids);
      md.append("| learned | per gate | ").append(learnedCatch.caught()).append(" |\n\n");
      int[] distinct = DnaCatch.distinctTopTokens(learned);
      md.append("Learned gates differ: ").append(distinct[0]).append(" distinct tokens among their ")
          .append(distinct[1]).append(" top tokens.\n\n| gate | threshold | caught here | top tokens |\n|---|---|---|---|\n");
      for (int g = 0; g < learned.gates().size(); g++) {
        dev.reel.dna.LearnedTastes.Gate gate = learned.gates().get(g);
        md.append(String.format(Locale.ROOT, "| %s | %.3f | %d | %s |%n", gate.name(), gate.threshold(),
            learnedCatch.perGate()[g], String.join(" ", gate.topTokens())));
      }
      BenchReport.write(out, md.toString());
      return 0;
    }
  }

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

}
