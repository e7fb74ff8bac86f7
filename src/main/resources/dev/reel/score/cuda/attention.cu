// Attention received inside chunks under the alpha slider, as dev.reel.score.cpu.TorchShortlistAttention computes it
// on the CPU: logits q.k / temperature - |i - j| / locality (masked past the penalty's reach and on the token itself),
// a softmax over each query's keys (its band, then the chunk's shared keys outside the band), and for each key the sum
// over the queries that hold it of weight(query) * probability. No atomics: every sum is one thread's, in a fixed
// order, so a run gives the same bits each time.
//
// A batch holds `chunks` chunks of at most `stride` tokens (chunk c's token i at c * stride + i), each with its band's
// half width and its reach. A layout `group` is one set of shared keys: per question when the layout depends on its
// gravity (alpha > 0), one for all otherwise.
// Compiled at run time by NVRTC (CudaKernels).

#define MASKED -1e9f

extern "C" {

// One thread per (token, pair k): the token's attention-table row, rotated by RoPE at its int64 position with the
// angle reduced modulo 2 pi in double precision, pairing element k with element k + dims / 2.
__global__ void rotate_rows(const float* table, int vocab, int dims, const int* ids, const long long* positions,
                            const double* frequencies, long long tokens, float* rows) {
  int half = dims / 2;
  long long index = blockIdx.x * (long long) blockDim.x + threadIdx.x;
  if (index >= tokens * half) {
    return;
  }
  long long t = index / half;
  int k = (int) (index % half);
  int id = ids[t];
  double x = 0, y = 0;
  if (id >= 0 && id < vocab) {
    x = table[(long long) id * dims + k];
    y = table[(long long) id * dims + k + half];
  }
  double theta = remainder((double) positions[t] * frequencies[k], 2 * 3.141592653589793);
  double c = cos(theta);
  double s = sin(theta);
  rows[t * dims + k] = (float) (x * c - y * s);
  rows[t * dims + k + half] = (float) (x * s + y * c);
}

__device__ float logit(const float* rows, long long base, int i, int j, int dims, float temperature, float locality,
                       int reach) {
  int distance = i > j ? i - j : j - i;
  if (distance > reach || i == j) {
    return MASKED;
  }
  const float* q = rows + (base + i) * dims;
  const float* k = rows + (base + j) * dims;
  float dot = 0;
  for (int d = 0; d < dims; d++) {
    dot += (q[d] / temperature) * k[d];
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
    float l = logit(rows, base, i, j, dims, temperature, locality, reach);
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

// One thread per (chunk, question, key): what the key receives, sum over the queries holding it of
// weight * exp(logit - max) / sum. A question's layout is group (question) when groups > 1, else group 0.
__global__ void received(const float* rows, int dims, int chunks, int questions, int groups, int stride,
                         const int* lengths, const int* halves, const int* shared, int sharedStride, const int* reaches,
                         float temperature, float locality, const float* maxima, const float* sums,
                         const float* weights, float* out) {
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
  bool isShared = false;
  for (int s = 0; s < sharedStride; s++) {
    isShared = isShared || keys[s] == j;
  }
  float total = 0;
  int lo = isShared ? 0 : max(0, j - half);
  int hi = isShared ? n - 1 : min(n - 1, j + half);
  for (int i = lo; i <= hi; i++) {
    float l = logit(rows, base, i, j, dims, temperature, locality, reach);
    if (l == MASKED) {
      continue;
    }
    total += weight[i] * (expf(l - maxima[stats + i]) / sums[stats + i]);
  }
  out[((long long) chunk * questions + question) * stride + j] = total;
}

}
