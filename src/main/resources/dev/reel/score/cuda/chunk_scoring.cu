// A Spark task's chunk scoring in one kernel, one block per (chunk, question), as dev.reel.score.cpu.TorchChunkScorer
// and dev.reel.score.Promoter compute it on the CPU: each token's DNA lookup by id (gravity, gate, relevance, how much
// it tells), its attention-table row rotated by RoPE at its int64 position, the chunk's shared keys (strongest gravity
// wells, then strided anchors), a softmax over each query's band and shared keys, the attention every key receives
// from the queries weighted by their interest, importance, and the chunk's promotion: the most important tokens, best
// first (ties to the lower index), until they hold top-p of the chunk's importance mass, at least `fewest` of them and
// at most `budget`. Only the promoted tokens and each gate's catch count leave the device.
//
// The rows live in shared memory when the chunk's fit (`globalRows` null), else in `globalRows`, a scratch of
// ROW_STRIDE * stride floats per block. Every sum is one thread's in a fixed order, or a warp's in a fixed tree,
// and the atomics add integers: the same bits every run. The logits multiply by 1 / temperature where the CPU
// divides, sum their products in four running sums, and scale a probability by weight / sum where the CPU
// multiplies the weight by exp / sum (each a rounding apart). Compiled at run time by NVRTC with
// -DATTENTION_DIMS, -DROW_STRIDE, -DSCORE_THREADS and -DTOKEN_ARRAYS (CudaContext).

#define MASKED -1e9f
#define WARPS (SCORE_THREADS / 32) // SCORE_THREADS: CudaContext's

// TOKEN_ARRAYS: how many per-token arrays, each `stride` long, follow the rows in shared memory (CudaContext's).

extern "C" {

__device__ __forceinline__ int chunkDistance(int i, int j) {
  return i > j ? i - j : j - i;
}

// Rows are token-major, ROW_STRIDE floats apart (ATTENTION_DIMS and a pad of 4): a row is read four floats at a
// time, and the eight threads of a quarter warp, on consecutive rows, fall on distinct banks.
__device__ __forceinline__ const float4* rowOf(const float* R, int t) {
  return (const float4*) (R + (long long) t * ROW_STRIDE);
}

// q (already times 1 / temperature) against row j of rows R, less the distance penalty; masked past the reach and
// on the token itself.
__device__ __forceinline__ float scaledLogit(const float* q, const float* R, int i, int j, float locality,
                                             int reach) {
  int distance = chunkDistance(i, j);
  if (distance > reach || i == j) {
    return MASKED;
  }
  const float4* key = rowOf(R, j);
  float dot[4] = {0, 0, 0, 0};
#pragma unroll
  for (int d = 0; d < ATTENTION_DIMS / 4; d++) {
    float4 v = key[d];
    dot[0] += q[4 * d] * v.x;
    dot[1] += q[4 * d + 1] * v.y;
    dot[2] += q[4 * d + 2] * v.z;
    dot[3] += q[4 * d + 3] * v.w;
  }
  return ((dot[0] + dot[1]) + (dot[2] + dot[3])) + (locality > 0 ? -distance / locality : 0.0f);
}

// Query i's logit for key j when j's row is the one held in k: the same products as scaledLogit's, in its order.
__device__ __forceinline__ float keyLogit(const float* k, const float* R, int i, int j, float inverse,
                                          float locality, int reach) {
  int distance = chunkDistance(i, j);
  if (distance > reach || i == j) {
    return MASKED;
  }
  const float4* query = rowOf(R, i);
  float dot[4] = {0, 0, 0, 0};
#pragma unroll
  for (int d = 0; d < ATTENTION_DIMS / 4; d++) {
    float4 v = query[d];
    dot[0] += (v.x * inverse) * k[4 * d];
    dot[1] += (v.y * inverse) * k[4 * d + 1];
    dot[2] += (v.z * inverse) * k[4 * d + 2];
    dot[3] += (v.w * inverse) * k[4 * d + 3];
  }
  return ((dot[0] + dot[1]) + (dot[2] + dot[3])) + (locality > 0 ? -distance / locality : 0.0f);
}

// Row t of R into registers, each element times `scale`.
__device__ __forceinline__ void loadRow(const float* R, int t, float scale, float* out) {
  const float4* row = rowOf(R, t);
#pragma unroll
  for (int d = 0; d < ATTENTION_DIMS / 4; d++) {
    float4 v = row[d];
    out[4 * d] = v.x * scale;
    out[4 * d + 1] = v.y * scale;
    out[4 * d + 2] = v.z * scale;
    out[4 * d + 3] = v.w * scale;
  }
}

__device__ __forceinline__ float warpSum(float value) {
  for (int offset = 16; offset > 0; offset /= 2) {
    value += __shfl_down_sync(0xffffffff, value, offset);
  }
  return value;
}

__device__ __forceinline__ double warpSumDouble(double value) {
  for (int offset = 16; offset > 0; offset /= 2) {
    value += __shfl_down_sync(0xffffffff, value, offset);
  }
  return value;
}

// layouts: per chunk {dense, half window, wells, anchors} (AlphaShortlist). Per-question tables are `vocab` long,
// question q's at q * vocab; informed[q] says whether question q's importance is scaled by information.
// parts: bit 0 gravity, bit 1 attention, bit 2 relevance (what --ablate keeps).
__global__ void __launch_bounds__(SCORE_THREADS) score_chunks(
    const float* table, int vocab, const double* frequencies, const int* reachOf, int unknownReach,
    const float* gravityOf, const float* relevanceOf, const float* informationOf, const int* gateOf,
    const int* informed, int gates, const int* ids, const long long* firstPositions, const int* lengths,
    const int* layouts, int questions, int stride, float* globalRows, float temperature, float locality,
    float baseWeight, int parts, double topP, int budget, int fewest, int* caught, int* promotedCount,
    int* promotedIndex, float* promotedImportance, float* promotedAttention, float* receivedOut) {
  extern __shared__ float smem[];
  __shared__ int reachShared;
  __shared__ int promotedShared;
  __shared__ int warpCounts[WARPS];
  __shared__ double warpMass[WARPS];

  const int tid = threadIdx.x;
  const int lane = tid % 32;
  const int warp = tid / 32;
  const int chunk = blockIdx.x / questions;
  const int question = blockIdx.x % questions;
  const int n = lengths[chunk];
  const int dense = layouts[4 * chunk];
  const int halfWindow = layouts[4 * chunk + 1];
  const int wells = layouts[4 * chunk + 2];
  const int anchors = layouts[4 * chunk + 3];
  const float inverse = 1.0f / temperature;

  float* R = globalRows != 0 ? globalRows + (long long) blockIdx.x * ROW_STRIDE * stride : smem;
  float* arrays = globalRows != 0 ? smem : smem + ROW_STRIDE * stride;
  int* tok = (int*) arrays;
  float* weight = arrays + stride;
  float* gravity = arrays + 2 * stride;
  float* maxima = arrays + 3 * stride;   // then each token's importance
  float* scales = arrays + 4 * stride;  // each query's weight over its softmax sum
  float* received = arrays + 5 * stride;
  int* keys = (int*) (arrays + 6 * stride); // flags, then the shared keys, then the promotion order
  float* sharedReceived = arrays + 7 * stride;
  int* histogram = (int*) (arrays + TOKEN_ARRAYS * stride);

  const float* gravityQ = gravityOf + (long long) question * vocab;
  const float* relevanceQ = relevanceOf + (long long) question * vocab;
  const float* informationQ = informationOf + (long long) question * vocab;
  const int* gateQ = gateOf + (long long) question * vocab;
  const int* chunkIds = ids + (long long) chunk * stride;

  // The DNA lookup, the query weights and the chunk's reach (the widest of its tokens': reach grows with the norm).
  if (tid == 0) {
    reachShared = unknownReach;
  }
  for (int g = tid; g < gates; g += SCORE_THREADS) {
    histogram[g] = 0;
  }
  __syncthreads();
  int reach = unknownReach;
  for (int i = tid; i < n; i += SCORE_THREADS) {
    int id = chunkIds[i];
    bool known = id >= 0 && id < vocab;
    float g = known ? gravityQ[id] : 0.0f;
    float r = known ? relevanceQ[id] : 0.0f;
    tok[i] = known ? id : -1;
    gravity[i] = g;
    weight[i] = g + r + baseWeight;
    int gate = known ? gateQ[id] : -1;
    if (gate >= 0) {
      atomicAdd(&histogram[gate], 1);
    }
    reach = max(reach, known ? reachOf[id] : unknownReach);
  }
  atomicMax(&reachShared, reach);

  // Rows and RoPE: element k paired with k + dims / 2, the angle reduced modulo 2 pi in double precision and the
  // products rounded one by one (no fused multiply-add), the CPU's bits.
  const long long first = firstPositions[chunk];
  const int half = ATTENTION_DIMS / 2;
  __syncthreads();
  for (int e = tid; e < half * n; e += SCORE_THREADS) {
    int i = e / half;
    int k = e % half;
    int id = tok[i];
    double x = 0, y = 0;
    if (id >= 0) {
      x = table[(long long) id * ATTENTION_DIMS + k];
      y = table[(long long) id * ATTENTION_DIMS + k + half];
    }
    double theta = remainder((double) (first + i) * frequencies[k], 2 * 3.141592653589793);
    double s, c;
    sincos(theta, &s, &c);
    R[(long long) i * ROW_STRIDE + k] = (float) __dsub_rn(__dmul_rn(x, c), __dmul_rn(y, s));
    R[(long long) i * ROW_STRIDE + k + half] = (float) __dadd_rn(__dmul_rn(x, s), __dmul_rn(y, c));
  }
  reach = reachShared;
  const int band = dense ? min(n, reach) : halfWindow;

  // Shared keys: wells by rank of gravity (ties to the lower index), then anchors; sorted and distinct.
  for (int i = tid; i < n; i += SCORE_THREADS) {
    int rank = 0;
    float gi = gravity[i];
    for (int j = 0; j < n && rank < wells; j++) {
      float gj = gravity[j];
      rank += (gj > gi || (gj == gi && j < i)) ? 1 : 0;
    }
    keys[i] = !dense && rank < wells ? 1 : 0;
  }
  __syncthreads();
  if (!dense) {
    double spacing = (double) n / max(1, anchors);
    for (int a = tid; a < anchors; a += SCORE_THREADS) {
      double at = floor(__dadd_rn(__dmul_rn((double) a, spacing), spacing / 2));
      keys[(int) fmin((double) (n - 1), at)] = 1;
    }
  }
  __syncthreads();
  // Compaction in place: a key moves to a lower or equal index, past flags already read.
  int total = 0;
  for (int from = 0; from < n; from += SCORE_THREADS) {
    int i = from + tid;
    int flag = i < n ? keys[i] : 0;
    unsigned ballot = __ballot_sync(0xffffffff, flag);
    if (lane == 0) {
      warpCounts[warp] = __popc(ballot);
    }
    __syncthreads();
    int before = total;
    for (int w = 0; w < warp; w++) {
      before += warpCounts[w];
    }
    before += __popc(ballot & ((1u << lane) - 1));
    for (int w = 0; w < WARPS; w++) {
      total += warpCounts[w];
    }
    __syncthreads();
    if (flag) {
      keys[before] = i;
    }
    __syncthreads();
  }
  const int shared = total;

  // Each query's softmax statistics over its band, then the shared keys outside it, in that order.
  for (int i = tid; i < n; i += SCORE_THREADS) {
    float q[ATTENTION_DIMS];
    loadRow(R, i, inverse, q);
    float m = -3.402823466e+38f;
    float sum = 0;
    int lo = max(0, i - band);
    int hi = min(n - 1, i + band);
    for (int c = 0; c <= (hi - lo) + shared; c++) {
      int j;
      if (c <= hi - lo) {
        j = lo + c;
      } else {
        j = keys[c - (hi - lo) - 1];
        if (chunkDistance(i, j) <= band) {
          continue;
        }
      }
      float l = scaledLogit(q, R, i, j, locality, reach);
      if (l > m) {
        sum = sum * expf(m - l) + 1.0f;
        m = l;
      } else {
        sum += expf(l - m);
      }
    }
    maxima[i] = m;
    scales[i] = weight[i] / sum;
  }
  __syncthreads();

  // What each key receives from the queries whose band holds it ...
  for (int j = tid; j < n; j += SCORE_THREADS) {
    float k[ATTENTION_DIMS];
    loadRow(R, j, 1.0f, k);
    float sum = 0;
    for (int i = max(0, j - band); i <= min(n - 1, j + band); i++) {
      float l = keyLogit(k, R, i, j, inverse, locality, reach);
      sum += l == MASKED ? 0.0f : expf(l - maxima[i]) * scales[i];
    }
    received[j] = sum;
  }
  // ... and each shared key from the queries outside its band, a warp per key.
  for (int s = warp; s < shared; s += WARPS) {
    int j = keys[s];
    float k[ATTENTION_DIMS];
    loadRow(R, j, 1.0f, k);
    float sum = 0;
    for (int i = lane; i < n; i += 32) {
      if (chunkDistance(i, j) > band) {
        float l = keyLogit(k, R, i, j, inverse, locality, reach);
        sum += l == MASKED ? 0.0f : expf(l - maxima[i]) * scales[i];
      }
    }
    sum = warpSum(sum);
    if (lane == 0) {
      sharedReceived[s] = sum;
    }
  }
  __syncthreads();
  for (int s = tid; s < shared; s += SCORE_THREADS) {
    received[keys[s]] += sharedReceived[s];
  }
  __syncthreads();

  // Importance (into maxima), the chunk's importance mass, and the received attention out when asked for.
  float* importance = maxima;
  bool informs = informed[question] != 0;
  double mass = 0;
  for (int i = tid; i < n; i += SCORE_THREADS) {
    int id = tok[i];
    float r = id >= 0 ? relevanceQ[id] : 0.0f;
    float value = ((parts & 1) ? gravity[i] : 0.0f) + ((parts & 2) ? received[i] : 0.0f) + ((parts & 4) ? r : 0.0f);
    if (informs) {
      value *= id >= 0 ? informationQ[id] : 0.0f;
    }
    importance[i] = value;
    mass += (double) fmaxf(0.0f, value);
    if (receivedOut != 0) {
      receivedOut[(long long) blockIdx.x * stride + i] = received[i];
    }
  }
  mass = warpSumDouble(mass);
  if (lane == 0) {
    warpMass[warp] = mass;
  }
  __syncthreads();

  // The promotion: each token's rank among the chunk's, kept when under the budget.
  const int top = min(n, budget);
  for (int i = tid; i < n; i += SCORE_THREADS) {
    int rank = 0;
    float v = importance[i];
    for (int j = 0; j < n && rank < top; j++) {
      float u = importance[j];
      rank += (u > v || (u == v && j < i)) ? 1 : 0;
    }
    if (rank < top) {
      keys[rank] = i;
    }
  }
  __syncthreads();
  if (tid == 0) {
    double whole = 0;
    for (int w = 0; w < WARPS; w++) {
      whole += warpMass[w];
    }
    double taken = 0;
    int count = 0;
    while (count < top && (taken < topP * whole || count < fewest)) {
      taken += (double) fmaxf(0.0f, importance[keys[count]]);
      count++;
    }
    promotedShared = count;
    promotedCount[blockIdx.x] = count;
  }
  __syncthreads();
  for (int r = tid; r < promotedShared; r += SCORE_THREADS) {
    int i = keys[r];
    long long at = (long long) blockIdx.x * budget + r;
    promotedIndex[at] = i;
    promotedImportance[at] = importance[i];
    promotedAttention[at] = received[i];
  }
  for (int g = tid; g < gates; g += SCORE_THREADS) {
    if (histogram[g] > 0) {
      atomicAdd(&caught[question * gates + g], histogram[g]);
    }
  }
}

}
