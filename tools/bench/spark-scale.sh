#!/usr/bin/env bash
# Extraction on Spark against the single-machine runner: clips/s of the single-JVM ExtractionRunner
# (threads 1 and 2, as `tools/mer4j run` extracts) and of `tools/mer4j spark extract` on local[1] and
# local[2], same synthetic corpus, same extractors (the quickstart's: face-hog, prosody, mfcc, word-tokens),
# a fresh feature store each time, repetitions interleaved. Writes runs/bench/spark-scale.json: the
# timings, medians, ratios, the measured cost per clip and per media second, and the estimated wall time
# of BAH-sized (1,118 videos, 8 h) and MOSEI-sized (~23,000 clips, ~65 h) corpora on N executor cores.
#   tools/bench/spark-scale.sh [--subjects 4] [--clips-per-subject 4] [--seconds 8] [--reps 2]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
subjects=4; per=4; seconds=8; reps=2
while [ $# -gt 0 ]; do
  case "$1" in
    --subjects) subjects="$2"; shift 2 ;;
    --clips-per-subject) per="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    *) echo "spark-scale: unknown option $1" >&2; exit 2 ;;
  esac
done
work="$repo/runs/bench/spark-scale-work"
rm -rf "$work"; mkdir -p "$work"
corpus="$work/corpus"
"$repo/tools/mer4j" synth --out "$corpus" --subjects "$subjects" --clips-per-subject "$per" --seconds "$seconds" >&2
cat > "$work/spark-scale.yaml" <<YAML
experiment: spark-scale
seed: 1
data: {manifest: ${corpus#$repo/}/manifest.json}
features:
  cacheDir: ${work#$repo/}/store
  videoFps: 10
  sampleRate: 16000
  extractors:
    - {name: face-hog, config: {cellSize: 32}}
    - {name: prosody}
    - {name: mfcc}
    - {name: word-tokens}
tasks: [{type: ah}]
rows: [{name: all, modalities: [video, audio, text], fusion: {type: early-fusion}}]
YAML
cd "$repo"
"$repo/tools/mer4j" spark --class org.mer4j.spark.bench.SparkScaleBench "$work/spark-scale.yaml" "$repo/runs/bench/spark-scale.json" \
  --reps "$reps" --work "$work/bench"
rm -rf "$work"
