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

// One block's chunk for one question: its length, its rows (shared memory or the block's global scratch) and its
// per-token arrays in shared memory.
struct Block {
  int n;
  int question;
  float* rows;
  int* tok;              // token ids, -1 where outside the vocabulary
  float* weight;         // each query's weight
  float* gravity;
  float* maxima;         // each query's softmax maximum, then each token's importance
  float* scales;         // each query's weight over its softmax sum
  float* received;
  int* keys;             // shared-key flags, then the shared keys, then the promotion order
  float* sharedReceived;
  int* histogram;        // the gates' catch counts
};

__device__ Block carve(float* smem, float* globalRows, int n, int stride, int question) {
  Block b;
  b.n = n;
  b.question = question;
  b.rows = globalRows != 0 ? globalRows + (long long) blockIdx.x * ROW_STRIDE * stride : smem;
  float* arrays = globalRows != 0 ? smem : smem + ROW_STRIDE * stride;
  b.tok = (int*) arrays;
  b.weight = arrays + stride;
  b.gravity = arrays + 2 * stride;
  b.maxima = arrays + 3 * stride;
  b.scales = arrays + 4 * stride;
  b.received = arrays + 5 * stride;
  b.keys = (int*) (arrays + 6 * stride);
  b.sharedReceived = arrays + 7 * stride;
  b.histogram = (int*) (arrays + TOKEN_ARRAYS * stride);
  return b;
}

// The DNA lookup of the question's tables by id, the query weights and the gates' catches; returns the widest reach
// of this thread's tokens (reach grows with a row's norm, so the chunk's is its widest token's).
__device__ int lookup(Block& b, const int* chunkIds, int vocab, const float* gravityQ, const float* relevanceQ,
                      const int* gateQ, const int* reachOf, int unknownReach, float baseWeight) {
  int reach = unknownReach;
  for (int i = threadIdx.x; i < b.n; i += SCORE_THREADS) {
    int id = chunkIds[i];
    bool known = id >= 0 && id < vocab;
    float g = known ? gravityQ[id] : 0.0f;
    float r = known ? relevanceQ[id] : 0.0f;
    b.tok[i] = known ? id : -1;
    b.gravity[i] = g;
    b.weight[i] = g + r + baseWeight;
    int gate = known ? gateQ[id] : -1;
    if (gate >= 0) {
      atomicAdd(&b.histogram[gate], 1);
    }
    reach = max(reach, known ? reachOf[id] : unknownReach);
  }
  return reach;
}

// Rows and RoPE, a thread per (token, pair): element k paired with k + dims / 2, the angle reduced modulo 2 pi in
// double precision and the products rounded one by one (no fused multiply-add), the CPU's bits.
__device__ void rotateRows(Block& b, const float* table, const double* frequencies, long long first) {
  const int half = ATTENTION_DIMS / 2;
  for (int e = threadIdx.x; e < half * b.n; e += SCORE_THREADS) {
    int i = e / half;
    int k = e % half;
    int id = b.tok[i];
    double x = 0, y = 0;
    if (id >= 0) {
      x = table[(long long) id * ATTENTION_DIMS + k];
      y = table[(long long) id * ATTENTION_DIMS + k + half];
    }
    double theta = remainder((double) (first + i) * frequencies[k], 2 * 3.141592653589793);
    double s, c;
    sincos(theta, &s, &c);
    b.rows[(long long) i * ROW_STRIDE + k] = (float) __dsub_rn(__dmul_rn(x, c), __dmul_rn(y, s));
    b.rows[(long long) i * ROW_STRIDE + k + half] = (float) __dadd_rn(__dmul_rn(x, s), __dmul_rn(y, c));
  }
}

// The shared keys into b.keys, sorted and distinct: the `wells` strongest gravity wells by rank (ties to the lower
// index), then `anchors` strided anchors; none when dense. Returns how many.
__device__ int sharedKeys(Block& b, bool dense, int wells, int anchors, int* warpCounts) {
  const int n = b.n;
  for (int i = threadIdx.x; i < n; i += SCORE_THREADS) {
    int rank = 0;
    float gi = b.gravity[i];
    for (int j = 0; j < n && rank < wells; j++) {
      float gj = b.gravity[j];
      rank += (gj > gi || (gj == gi && j < i)) ? 1 : 0;
    }
    b.keys[i] = !dense && rank < wells ? 1 : 0;
  }
  __syncthreads();
  if (!dense) {
    double spacing = (double) n / max(1, anchors);
    for (int a = threadIdx.x; a < anchors; a += SCORE_THREADS) {
      double at = floor(__dadd_rn(__dmul_rn((double) a, spacing), spacing / 2));
      b.keys[(int) fmin((double) (n - 1), at)] = 1;
    }
  }
  __syncthreads();
  // Compaction in place: a key moves to a lower or equal index, past flags already read.
  const int lane = threadIdx.x % 32;
  const int warp = threadIdx.x / 32;
  int total = 0;
  for (int from = 0; from < n; from += SCORE_THREADS) {
    int i = from + threadIdx.x;
    int flag = i < n ? b.keys[i] : 0;
    unsigned ballot = __ballot_sync(0xffffffff, flag);
    if (lane == 0) {
      warpCounts[warp] = __popc(ballot);
    }
    __syncthreads();
    int before = total + __popc(ballot & ((1u << lane) - 1));
    for (int w = 0; w < warp; w++) {
      before += warpCounts[w];
    }
    for (int w = 0; w < WARPS; w++) {
      total += warpCounts[w];
    }
    __syncthreads();
    if (flag) {
      b.keys[before] = i;
    }
    __syncthreads();
  }
  return total;
}

// Each query's softmax statistics over its band, then the shared keys outside it, in that order.
__device__ void softmaxStats(Block& b, int band, int shared, int reach, float inverse, float locality) {
  const int n = b.n;
  for (int i = threadIdx.x; i < n; i += SCORE_THREADS) {
    float q[ATTENTION_DIMS];
    loadRow(b.rows, i, inverse, q);
    float m = -3.402823466e+38f;
    float sum = 0;
    int lo = max(0, i - band);
    int hi = min(n - 1, i + band);
    for (int c = 0; c <= (hi - lo) + shared; c++) {
      int j;
      if (c <= hi - lo) {
        j = lo + c;
      } else {
        j = b.keys[c - (hi - lo) - 1];
        if (chunkDistance(i, j) <= band) {
          continue;
        }
      }
      float l = scaledLogit(q, b.rows, i, j, locality, reach);
      if (l > m) {
        sum = sum * expf(m - l) + 1.0f;
        m = l;
      } else {
        sum += expf(l - m);
      }
    }
    b.maxima[i] = m;
    b.scales[i] = b.weight[i] / sum;
  }
}

// What key j receives from query i: its weighted probability, 0 where masked.
__device__ __forceinline__ float weighted(const Block& b, const float* k, int i, int j, float inverse,
                                          float locality, int reach) {
  float l = keyLogit(k, b.rows, i, j, inverse, locality, reach);
  return l == MASKED ? 0.0f : expf(l - b.maxima[i]) * b.scales[i];
}

// What each key receives from the queries whose band holds it, then what each shared key receives from the queries
// outside its band (a warp per key), added to it.
__device__ void receivedAttention(Block& b, int band, int shared, int reach, float inverse, float locality) {
  const int n = b.n;
  for (int j = threadIdx.x; j < n; j += SCORE_THREADS) {
    float k[ATTENTION_DIMS];
    loadRow(b.rows, j, 1.0f, k);
    float sum = 0;
    for (int i = max(0, j - band); i <= min(n - 1, j + band); i++) {
      sum += weighted(b, k, i, j, inverse, locality, reach);
    }
    b.received[j] = sum;
  }
  const int lane = threadIdx.x % 32;
  for (int s = threadIdx.x / 32; s < shared; s += WARPS) {
    int j = b.keys[s];
    float k[ATTENTION_DIMS];
    loadRow(b.rows, j, 1.0f, k);
    float sum = 0;
    for (int i = lane; i < n; i += 32) {
      if (chunkDistance(i, j) > band) {
        sum += weighted(b, k, i, j, inverse, locality, reach);
      }
    }
    sum = warpSum(sum);
    if (lane == 0) {
      b.sharedReceived[s] = sum;
    }
  }
  __syncthreads();
  for (int s = threadIdx.x; s < shared; s += SCORE_THREADS) {
    b.received[b.keys[s]] += b.sharedReceived[s];
  }
}

// Each token's importance (into b.maxima) from the parts --ablate keeps, scaled by how much it tells where the
// question says so; returns this thread's share of the chunk's importance mass.
__device__ double importance(Block& b, const float* relevanceQ, const float* informationQ, bool informs,
                             int parts) {
  double mass = 0;
  for (int i = threadIdx.x; i < b.n; i += SCORE_THREADS) {
    int id = b.tok[i];
    float r = id >= 0 ? relevanceQ[id] : 0.0f;
    float value = ((parts & 1) ? b.gravity[i] : 0.0f) + ((parts & 2) ? b.received[i] : 0.0f)
        + ((parts & 4) ? r : 0.0f);
    if (informs) {
      value *= id >= 0 ? informationQ[id] : 0.0f;
    }
    b.maxima[i] = value;
    mass += (double) fmaxf(0.0f, value);
  }
  return mass;
}

// The promotion order into b.keys: each token's rank among the chunk's (importance down, ties to the lower index),
// kept when under `top`.
__device__ void rankTokens(Block& b, int top) {
  const float* importance = b.maxima;
  for (int i = threadIdx.x; i < b.n; i += SCORE_THREADS) {
    int rank = 0;
    float v = importance[i];
    for (int j = 0; j < b.n && rank < top; j++) {
      float u = importance[j];
      rank += (u > v || (u == v && j < i)) ? 1 : 0;
    }
    if (rank < top) {
      b.keys[rank] = i;
    }
  }
}

// How many of the ranked tokens the chunk promotes: until they hold topP of the mass, at least `fewest`, at most
// `top` (Promoter.select). One thread's walk.
__device__ int nucleus(const Block& b, int top, double mass, double topP, int fewest) {
  double taken = 0;
  int count = 0;
  while (count < top && (taken < topP * mass || count < fewest)) {
    taken += (double) fmaxf(0.0f, b.maxima[b.keys[count]]);
    count++;
  }
  return count;
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

  const int chunk = blockIdx.x / questions;
  const int question = blockIdx.x % questions;
  const int* layout = layouts + 4 * chunk;
  const long long tables = (long long) question * vocab;
  const float inverse = 1.0f / temperature;
  Block b = carve(smem, globalRows, lengths[chunk], stride, question);

  if (threadIdx.x == 0) {
    reachShared = unknownReach;
  }
  for (int g = threadIdx.x; g < gates; g += SCORE_THREADS) {
    b.histogram[g] = 0;
  }
  __syncthreads();
  atomicMax(&reachShared, lookup(b, ids + (long long) chunk * stride, vocab, gravityOf + tables,
      relevanceOf + tables, gateOf + tables, reachOf, unknownReach, baseWeight));
  __syncthreads();
  rotateRows(b, table, frequencies, firstPositions[chunk]);
  const int reach = reachShared;
  const int band = layout[0] ? min(b.n, reach) : layout[1];
  const int shared = sharedKeys(b, layout[0] != 0, layout[2], layout[3], warpCounts);
  softmaxStats(b, band, shared, reach, inverse, locality);
  __syncthreads();
  receivedAttention(b, band, shared, reach, inverse, locality);
  __syncthreads();

  double mass = warpSumDouble(importance(b, relevanceOf + tables, informationOf + tables, informed[question] != 0,
      parts));
  if (threadIdx.x % 32 == 0) {
    warpMass[threadIdx.x / 32] = mass;
  }
  if (receivedOut != 0) {
    for (int i = threadIdx.x; i < b.n; i += SCORE_THREADS) {
      receivedOut[(long long) blockIdx.x * stride + i] = b.received[i];
    }
  }
  __syncthreads();
  const int top = min(b.n, budget);
  rankTokens(b, top);
  __syncthreads();
  if (threadIdx.x == 0) {
    double whole = 0;
    for (int w = 0; w < WARPS; w++) {
      whole += warpMass[w];
    }
    promotedShared = nucleus(b, top, whole, topP, fewest);
    promotedCount[blockIdx.x] = promotedShared;
  }
  __syncthreads();
  for (int r = threadIdx.x; r < promotedShared; r += SCORE_THREADS) {
    int i = b.keys[r];
    long long at = (long long) blockIdx.x * budget + r;
    promotedIndex[at] = i;
    promotedImportance[at] = b.maxima[i];
    promotedAttention[at] = b.received[i];
  }
  for (int g = threadIdx.x; g < gates; g += SCORE_THREADS) {
    if (b.histogram[g] > 0) {
      atomicAdd(&caught[question * gates + g], b.histogram[g]);
    }
  }
}

}
