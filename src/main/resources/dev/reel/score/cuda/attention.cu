// The driver's final pass over its buffer: the question match, and the attention received within the buffer's one
// long sequence under the alpha slider (too long for shared memory; chunk_scoring.cu scores a task's chunks), as
// dev.reel.score.cpu.TorchShortlistAttention computes it on the CPU: logits q.k / temperature - |i - j| / locality
// (masked past the penalty's reach and on the token itself), a softmax over each query's keys (its band, then the
// shared keys outside the band), and for each key the sum over the queries that hold it of weight(query) *
// probability. No atomics: every sum is one thread's, in a fixed order, so a run gives the same bits each time.
//
// The launch is general (the final pass's is one chunk, one question): a batch holds `chunks` chunks of at most
// `stride` tokens (chunk c's token i at c * stride + i), each with its band's half width and its reach. A layout
// `group` is one set of shared keys: per question when the layout depends on its gravity (alpha > 0), one for all
// otherwise. Compiled at run time by NVRTC (CudaContext).

#define MASKED -1e9f

extern "C" {

// The final pass's question match, one thread per (kept token of a tile, question row): kept rows dimension-major
// (element d of token t at d * n + t), question rows row-major. Each product rounded to float and summed in double
// in dimension order, no fused multiply-add: dev.reel.score.Similarities' bits.
__global__ void similarities(const float* kept, int n, const float* question, int width, int dims, int from,
                             int count, double* out) {
  long long index = blockIdx.x * (long long) blockDim.x + threadIdx.x;
  if (index >= (long long) count * width) {
    return;
  }
  int q = (int) (index % width);
  long long t = from + index / width;
  double dot = 0;
  for (int k = 0; k < dims; k++) {
    dot = __dadd_rn(dot, (double) __fmul_rn(question[q * dims + k], kept[(long long) k * n + t]));
  }
  out[index] = dot;
}

// Rows are stored dimension-major per chunk (element d of token i at chunk * dims * stride + d * stride + i), so the
// threads of a warp, which take consecutive tokens, read consecutive addresses.
__device__ float logit(const float* rows, long long base, int stride, int i, int j, int dims, float temperature,
                       float locality, int reach) {
  int distance = i > j ? i - j : j - i;
  if (distance > reach || i == j) {
    return MASKED;
  }
  const float* chunkRows = rows + base * dims;
  float dot = 0;
  for (int d = 0; d < dims; d++) {
    dot += (chunkRows[(long long) d * stride + i] / temperature) * chunkRows[(long long) d * stride + j];
  }
  return dot + (locality > 0 ? -distance / locality : 0.0f);
}

// Whether shared key s is one of query i's keys: outside its band (the band already holds it).
__device__ bool sharedOutsideBand(int i, int s, int half) {
  int distance = i > s ? i - s : s - i;
  return distance > half;
}

// One thread per (chunk, group, query): the running max and the sum of exponentials of the query's logits.
__global__ void row_stats(const float* rows, int dims, int chunks, int groups, int stride, const int* lengths,
                          const int* halves, const int* shared, int sharedStride, const int* reaches, float temperature,
                          float locality, float* maxima, float* sums) {
  long long index = blockIdx.x * (long long) blockDim.x + threadIdx.x;
  if (index >= (long long) chunks * groups * stride) {
    return;
  }
  int i = (int) (index % stride);
  int group = (int) ((index / stride) % groups);
  int chunk = (int) (index / ((long long) stride * groups));
  int n = lengths[chunk];
  if (i >= n) {
    return;
  }
  int half = halves[chunk];
  long long base = (long long) chunk * stride;
  int reach = reaches[chunk];
  float m = -3.402823466e+38f; // -FLT_MAX: NVRTC has no math headers
  float sum = 0;
  int lo = max(0, i - half);
  int hi = min(n - 1, i + half);
  const int* keys = shared + ((long long) chunk * groups + group) * sharedStride;
  for (int c = 0; c <= (hi - lo) + sharedStride; c++) {
    int j;
    if (c <= hi - lo) {
      j = lo + c;
    } else {
      j = keys[c - (hi - lo) - 1];
      if (j < 0 || !sharedOutsideBand(i, j, half)) {
        continue;
      }
    }
    float l = logit(rows, base, stride, i, j, dims, temperature, locality, reach);
    if (l > m) {
      sum = sum * expf(m - l) + 1.0f;
      m = l;
    } else {
      sum += expf(l - m);
    }
  }
  long long at = ((long long) chunk * groups + group) * stride + i;
  maxima[at] = m;
  sums[at] = sum;
}

__device__ float probability(const float* rows, long long base, int stride, long long stats, int i, int j, int dims,
                             float temperature, float locality, int reach, const float* maxima, const float* sums) {
  float l = logit(rows, base, stride, i, j, dims, temperature, locality, reach);
  return l == MASKED ? 0.0f : expf(l - maxima[stats + i]) / sums[stats + i];
}

// One block per (chunk, question, shared slot): what the slot's shared key receives from the queries outside its band
// (those inside reach it as a band key, in received). The block's threads take strided queries, then add their sums
// in a fixed tree: the same bits every run.
__global__ void shared_received(const float* rows, int dims, int chunks, int questions, int groups, int stride,
                                const int* lengths, const int* halves, const int* shared, int sharedStride,
                                const int* reaches, float temperature, float locality, const float* maxima,
                                const float* sums, const float* weights, float* out) {
  __shared__ float partial[128];
  int slot = blockIdx.x % sharedStride;
  int question = (blockIdx.x / sharedStride) % questions;
  int chunk = blockIdx.x / (sharedStride * questions);
  int group = groups > 1 ? question : 0;
  int j = shared[((long long) chunk * groups + group) * sharedStride + slot];
  int n = lengths[chunk];
  int half = halves[chunk];
  long long base = (long long) chunk * stride;
  long long stats = ((long long) chunk * groups + group) * stride;
  const float* weight = weights + ((long long) chunk * questions + question) * stride;
  float total = 0;
  if (j >= 0) {
    for (int i = threadIdx.x; i < n; i += blockDim.x) {
      int distance = i > j ? i - j : j - i;
      if (distance > half) {
        total += weight[i] * probability(rows, base, stride, stats, i, j, dims, temperature, locality, reaches[chunk],
            maxima, sums);
      }
    }
  }
  partial[threadIdx.x] = total;
  __syncthreads();
  for (int width = blockDim.x / 2; width > 0; width /= 2) {
    if (threadIdx.x < width) {
      partial[threadIdx.x] += partial[threadIdx.x + width];
    }
    __syncthreads();
  }
  if (threadIdx.x == 0) {
    out[blockIdx.x] = partial[0];
  }
}

// One thread per (chunk, question, key): what the key receives from the queries whose band holds it, plus, for a
// shared key, what shared_received summed from the others. A question's layout is group (question) when
// groups > 1, else group 0.
__global__ void received(const float* rows, int dims, int chunks, int questions, int groups, int stride,
                         const int* lengths, const int* halves, const int* shared, int sharedStride, const int* reaches,
                         float temperature, float locality, const float* maxima, const float* sums,
                         const float* weights, const float* sharedReceived, float* out) {
  long long index = blockIdx.x * (long long) blockDim.x + threadIdx.x;
  if (index >= (long long) chunks * questions * stride) {
    return;
  }
  int j = (int) (index % stride);
  int question = (int) ((index / stride) % questions);
  int chunk = (int) (index / ((long long) stride * questions));
  int n = lengths[chunk];
  if (j >= n) {
    return;
  }
  int half = halves[chunk];
  int group = groups > 1 ? question : 0;
  long long base = (long long) chunk * stride;
  long long stats = ((long long) chunk * groups + group) * stride;
  const float* weight = weights + ((long long) chunk * questions + question) * stride;
  int reach = reaches[chunk];
  const int* keys = shared + ((long long) chunk * groups + group) * sharedStride;
  float total = 0;
  for (int i = max(0, j - half); i <= min(n - 1, j + half); i++) {
    total += weight[i] * probability(rows, base, stride, stats, i, j, dims, temperature, locality, reach, maxima, sums);
  }
  for (int s = 0; s < sharedStride; s++) {
    if (keys[s] == j) {
      total += sharedReceived[((long long) chunk * questions + question) * sharedStride + s];
    }
  }
  out[((long long) chunk * questions + question) * stride + j] = total;
}

}
