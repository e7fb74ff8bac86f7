package dev.reel;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import dev.reel.config.ReelConfig;
import dev.reel.config.ScoringRule;
import dev.reel.config.VectorSource;
import dev.reel.metrics.JobMetrics;
import dev.reel.metrics.StageClock;
import dev.reel.model.ContextualSpec;
import dev.reel.model.ModelFiles;
import dev.reel.model.PrincipalProjection;
import dev.reel.model.StaticVectorTable;
import dev.reel.model.TokenVectors;
import dev.reel.model.Vocabulary;
import dev.reel.score.ScoringModel;

/**
 * The tokenizer, the token-vector table and its projection for attention; loaded once per job on the driver. With
 * --rule seed-l2 also each entry's raw vector norm, with --vectors contextual what executors need to run the model
 * over chunks; otherwise those are null and never broadcast.
 */
record Models(byte[] tokenizerJson, Vocabulary vocabulary, TokenVectors vectors, TokenVectors attentionVectors,
              float[] rawNorms, ContextualSpec contextual) {

  static Models load(ReelConfig config, JavaSparkContext spark, JobMetrics metrics) throws IOException {
    ModelFiles files = new ModelFiles(config.model());
    byte[] tokenizerJson = files.tokenizerJson();
    Vocabulary vocabulary = Vocabulary.parse(tokenizerJson);
    StageClock clock = StageClock.start("model", files.modelName());
    TokenVectors vectors = StaticVectorTable.load(files, vocabulary, Path.of(config.model().cacheDir()));
    PrincipalProjection.Projected projected = PrincipalProjection.project(vectors, ScoringModel.ATTENTION_DIMS);
    float[] rawNorms = config.score().rule() == ScoringRule.SEED_L2 ? vectors.rawNorms() : null;
    ContextualSpec contextual = null;
    if (config.score().vectors() == VectorSource.CONTEXTUAL) {
      files.onnxModel(); // extracted here, before Spark work starts: fails early, and local executors share the file
      if (config.model().model() != null) {
        spark.sc().addFile(config.model().model()); // executors read a --model file from their own copy
      }
      contextual = new ContextualSpec(config.model(), vocabulary.clsId(), vocabulary.sepId(), projected.projection());
    }
    metrics.put("rule", config.score().rule().toString());
    metrics.put("vectors", config.score().vectors().toString());
    metrics.put("attention_dims", projected.vectors().dims());
    metrics.put("attention_variance_kept", Math.round(projected.varianceKept() * 1000) / 1000.0);
    clock.stop(metrics, 0, vectors.vocab() + " token vectors of " + vectors.dims() + " dims, attention in "
        + projected.vectors().dims() + ", rule " + config.score().rule() + ", " + config.score().vectors()
        + " vectors");
    return new Models(tokenizerJson, vocabulary, vectors, projected.vectors(), rawNorms, contextual);
  }
}
