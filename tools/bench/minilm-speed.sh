#!/usr/bin/env bash
# text-minilm extraction rate on MELD: encodes every utterance of a MELD CSV with the pretrained
# all-MiniLM-L6-v2 encoder (org.mer4j.text.bench.MiniLmSpeed) at batch sizes 1 and 32, one ONNX Runtime
# thread, and writes utterances/s with the load average to runs/bench/minilm-speed.json.
#   tools/bench/minilm-speed.sh [MELD CSV, default ../shared/data/meld/dev_sent_emo.csv] [--batch-sizes 1,8,32] [--threads N]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
csv="${1:-$repo/../shared/data/meld/dev_sent_emo.csv}"
[ -f "$csv" ] || { echo "minilm-speed: $csv is missing; give a MELD utterance CSV (dev_sent_emo.csv)" >&2; exit 2; }
shift || true
mkdir -p "$repo/runs/bench"
"$repo/tools/mer4j" --class org.mer4j.text.bench.MiniLmSpeed --csv "$csv" --out "$repo/runs/bench/minilm-speed.json" "$@"
