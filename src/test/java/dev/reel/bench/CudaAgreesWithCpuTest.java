package dev.reel.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.reel.config.ModelOptions;
import dev.reel.model.ModelFiles;
import dev.reel.score.cuda.CudaBackend;
import dev.reel.testing.ModelCache;

/**
 * On a machine with a GPU: the CUDA backend's importance within 1e-3 of the CPU backend's, and the same promoted
 * tokens, on real chunks at alpha 0, 0.3 and 1 and chunk lengths 512 and 4096 (the GPU bundle's check, in the test
 * suite). Skipped, with CUDA's reason, elsewhere.
 */
class CudaAgreesWithCpuTest {
  @Test
  void cudaScoresRealChunksAsTheCpuDoes() throws Exception {
    Optional<String> why = new CudaBackend().unavailableReason();
    assumeTrue(why.isEmpty(), () -> "no CUDA here: " + why.orElse(""));
    Path cache = Path.of(ModelCache.dir());
    GpuSample sample = GpuSample.build(new BenchCorpus(Path.of("data-samples/prose"), cache),
        new ModelFiles(new ModelOptions(null, null, cache.toString())), 8192, 512);
    for (GpuSample.Case c : sample.cases()) {
      GpuHarness.Agreement agreement = GpuHarness.agreement(sample, c);
      assertTrue(agreement.holds(), "alpha " + c.alpha() + ", chunks of " + c.chunkTokens() + ": " + agreement);
    }
  }
}
