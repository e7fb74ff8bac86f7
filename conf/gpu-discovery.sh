#!/usr/bin/env bash
# Spark's GPU discovery script (spark.worker.resource.gpu.discoveryScript or
# spark.executor.resource.gpu.discoveryScript): prints the GPUs this host has, as Spark's ResourceInformation JSON,
# e.g. {"name": "gpu", "addresses": ["0", "1"]}. No GPU (or no nvidia-smi) prints an empty list, so executors
# still start and the CUDA backend says why it falls back to the CPU.
set -euo pipefail
addresses=""
if command -v nvidia-smi >/dev/null 2>&1; then
  addresses=$(nvidia-smi --query-gpu=index --format=csv,noheader 2>/dev/null | sed 's/ //g' | awk 'NF' \
    | sed 's/.*/"&"/' | paste -sd, - || true)
fi
echo "{\"name\": \"gpu\", \"addresses\": [${addresses}]}"
