package dev.reel.score.cuda;

import static dev.reel.score.cuda.KernelArgs.address;
import static dev.reel.score.cuda.KernelArgs.concat;
import static dev.reel.score.cuda.KernelArgs.integer;
import static dev.reel.score.cuda.KernelArgs.real;

import org.bytedeco.javacpp.Pointer;
import dev.reel.score.ScoringModel;

/**
 * The attention received over rotated rows already on the device: {@code row_stats}, {@code shared_received} and
 * {@code received} of attention.cu, in the one place that knows their arguments: the final pass launches them over its
 * one sequence (one chunk, one question, one group). Every {@code long} is a device address; the layout is
 * attention.cu's.
 */
record AttentionLaunch(long rows, int dims, int chunks, int questions, int groups, int stride, long lengths,
                       long halves, long shared, int sharedStride, long reaches, long maxima, long sums,
                       long weights, long sharedReceived, long received) {
  /** Launches the three kernels and waits for them. */
  void run(CudaContext cuda) {
    long tokens = (long) chunks * stride;
    Pointer[] layout = {integer(stride), address(lengths), address(halves), address(shared), integer(sharedStride),
        address(reaches), real(ScoringModel.ATTENTION_TEMPERATURE), real(ScoringModel.LOCALITY_TOKENS)};
    cuda.launch("row_stats", tokens * groups, concat(new Pointer[] {address(rows), integer(dims), integer(chunks),
        integer(groups)}, layout, new Pointer[] {address(maxima), address(sums)}));
    Pointer[] attended = {address(rows), integer(dims), integer(chunks), integer(questions), integer(groups)};
    Pointer[] stats = {address(maxima), address(sums), address(weights)};
    cuda.launchBlocks("shared_received", (long) chunks * questions * sharedStride, concat(attended, layout, stats,
        new Pointer[] {address(sharedReceived)}));
    cuda.launch("received", tokens * questions, concat(attended, layout, stats,
        new Pointer[] {address(sharedReceived), address(received)}));
    cuda.synchronize();
  }
}
