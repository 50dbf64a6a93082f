#!/usr/bin/env bash
# Exactness of mer4j's face-api nets (on their default engine, ONNX Runtime) against the package's own JavaScript.
#   tools/bench/faces-exactness.sh [--update-fixtures]
# 1. makes sure the weights are installed (tools/mer4j models install) and the Node reference is
#    installed (tools/faceapi-reference: @vladmandic/face-api 1.7.15 on pure-JS @tensorflow/tfjs, CPU backend);
# 2. decodes the inputs once in Java (a RAVDESS frame from ../shared/data when present, and the
#    committed synthetic face) and dumps raw RGB, so both sides see identical pixels;
# 3. runs the JavaScript on them (reference.json), then the Java ports, and writes the largest
#    differences per model to runs/bench/faces-exactness.json (detector_box_max_abs in normalised
#    units, landmarks_max_abs in pixels, expression_prob_max_abs) with per-call timings.
# --update-fixtures also copies reference.json into the mer4j-vision test resources.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ref="$repo/tools/faceapi-reference"
work="$repo/runs/bench/faces-exactness"
out="$repo/runs/bench/faces-exactness.json"
fixture="$repo/modules/mer4j-vision/src/test/resources/faceapi/reference.json"
update=0
for a in "$@"; do
  case "$a" in --update-fixtures) update=1 ;; *) echo "unknown option: $a" >&2; exit 2 ;; esac
done

"$repo/tools/mer4j" models status >/dev/null 2>&1 || "$repo/tools/mer4j" models install

if [ ! -d "$ref/node_modules/@vladmandic/face-api" ] || [ ! -d "$ref/node_modules/@tensorflow/tfjs" ]; then
  echo "installing the Node reference in $ref ..." >&2
  if [ -f "$ref/package-lock.json" ]; then
    (cd "$ref" && npm ci --no-audit --no-fund --ignore-scripts) >&2
  else
    (cd "$ref" && npm install --no-audit --no-fund --ignore-scripts) >&2
  fi
fi

rm -rf "$work" && mkdir -p "$work"
"$repo/tools/mer4j" --class org.mer4j.vision.faceapi.bench.FacesExactness inputs "$work"
node "$ref/reference.js" "$work"
"$repo/tools/mer4j" --class org.mer4j.vision.faceapi.bench.FacesExactness compare "$work" "$out" >/dev/null
echo "wrote $out" >&2
grep -E '"(detector_box_max_abs|detector_box_max_abs_px|landmarks_max_abs|expression_prob_max_abs|expression_features_max_abs|problems)"' "$out" | head -6 >&2
if [ "$update" = 1 ]; then
  cp "$work/reference.json" "$fixture"
  echo "updated $fixture" >&2
fi
