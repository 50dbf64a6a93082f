#!/usr/bin/env bash
# Face pipeline speed against decoding, like for like: mer4j decodes VIDEO scaled to 640x480 BGR24
# (bilinear) and runs detection + tracking + alignment + the face features (face-crop-hog, and with
# the face-api weights installed face-geometry, face-landmarks, face-expression); the reference is
# `ffmpeg -i VIDEO -vf scale=640:480:flags=bilinear -pix_fmt bgr24 -f null -` (Debian ffmpeg), the
# same decode, scaling and pixel conversion. The two alternate, one reference decode before each
# pipeline pass, in one JVM (org.mer4j.vision.bench.FacesSpeed); a first warm-up repetition of both
# is left out of the medians.
#
#   tools/bench/faces-speed.sh [VIDEO]    default VIDEO: the RAVDESS take (720x720 MPEG-4, 122 frames)
#                                         looped 15 times without re-encoding (1,830 frames, 61 s),
#                                         built under runs/bench/ (never committed)
# Writes runs/bench/faces-speed.json: one entry per variant (the speed levers), each with pipeline_fps,
# ffmpeg_fps (medians over REPS), ratio = pipeline_fps / ffmpeg_fps, the per-repetition values, peak
# RSS, and for the face-api variants the accuracy cost against the reference port (DJL engine, every
# net on every frame): landmark error normalised by the outer-eye-corner distance, expression
# probability difference and most-probable-expression agreement.
# The "feature-thread" variants set face.featureThread: the per-frame features run on a second thread per clip
# (rows identical to the one-thread pipeline, FeatureThreadTest), so their accuracy is that of the same variant
# without it and is not measured again. The "detect-every-30" variants also run the detector on every 30th frame
# instead of every 5th (DETECT_EVERY), the landmark net tracking in between; their accuracy reference still
# detects every 5th frame, so the figures include the cost of the lower detection rate.
# Threads: the launcher's defaults (one PyTorch / ONNX Runtime intra-op thread per worker, ffmpeg's own
# default threading); the variant "one thread" runs decoding and the pipeline on one thread against
# `ffmpeg -threads 1 -filter_threads 1`.
# Env: REPS (default 5), DETECT_EVERY (default 5), OUT (default runs/bench/faces-speed.json),
#      VARIANTS (default: all; a space-separated subset of the names below).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${REPS:-5}"
every="${DETECT_EVERY:-5}"
out="${OUT:-$repo/runs/bench/faces-speed.json}"
mkdir -p "$repo/runs/bench" "$(dirname "$out")"

if ! command -v ffmpeg >/dev/null; then
  echo "faces-speed: installing Debian ffmpeg (the decode-speed reference)..." >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq ffmpeg >&2
fi

video="${1:-}"
if [ -z "$video" ]; then
  video="$repo/runs/bench/ravdess-loop15.mp4"
  src="$repo/../shared/data/av-clips/01-01-08-02-01-01-19.mp4"
  if [ ! -f "$video" ]; then
    [ -f "$src" ] || { echo "faces-speed: no VIDEO given and $src is absent" >&2; exit 1; }
    ffmpeg -v error -nostdin -y -stream_loop 14 -i "$src" -an -c:v copy "$video.tmp.mp4"
    mv "$video.tmp.mp4" "$video"
  fi
fi
video="$(cd "$(dirname "$video")" && pwd)/$(basename "$video")"

# name | FacesSpeed options
variants=(
  "face-api-pytorch|--engine pytorch"
  "face-api-onnxruntime|--engine onnxruntime --accuracy true"
  "face-api-onnxruntime-nets-every-2|--engine onnxruntime --landmark-every 2 --expression-every 2 --accuracy true"
  "face-api-onnxruntime-nets-every-3|--engine onnxruntime --landmark-every 3 --expression-every 3 --accuracy true"
  "face-api-onnxruntime-feature-thread|--engine onnxruntime --feature-thread true"
  "face-api-onnxruntime-nets-every-3-feature-thread|--engine onnxruntime --landmark-every 3 --expression-every 3 --feature-thread true"
  "face-api-onnxruntime-detect-every-30-nets-every-3-feature-thread|--engine onnxruntime --detect-every 30 --landmark-every 3 --expression-every 3 --feature-thread true --accuracy true"
  "face-api-onnxruntime-detect-every-30-landmarks-every-3-expression-every-6-feature-thread|--engine onnxruntime --detect-every 30 --landmark-every 3 --expression-every 6 --feature-thread true --accuracy true"
  "face-api-onnxruntime-one-thread|--engine onnxruntime --one-thread true --ffmpeg-threads 1"
  "haar|--models haar"
)
selected="${VARIANTS:-}"
results=()
for v in "${variants[@]}"; do
  name="${v%%|*}"; opts="${v#*|}"
  if [ -n "$selected" ] && [[ " $selected " != *" $name "* ]]; then continue; fi
  echo "faces-speed: $name ($reps repetitions after a warm-up)..." >&2
  # shellcheck disable=SC2086
  json=$("$repo/tools/mer4j" --class org.mer4j.vision.bench.FacesSpeed "$video" --reps "$reps" --detect-every "$every" \
    --ffmpeg ffmpeg $opts | tail -n 1)
  results+=("$name" "$json")
done
tmp="$out.tmp.$$"
python3 - "$video" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(ffmpeg -version | head -n 1)" "$(nproc)" "${results[@]}" > "$tmp" <<'PY'
import json, sys
video, when, ff, cpus = sys.argv[1:5]
rest = sys.argv[5:]
res = {"video": video, "measured_at": when, "ffmpeg_version": ff, "cpus": int(cpus), "decode_size": "640x480 bgr24 bilinear",
       "variants": {rest[i]: json.loads(rest[i + 1]) for i in range(0, len(rest), 2)}}
print(json.dumps(res, indent=2))
PY
mv "$tmp" "$out"
python3 - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k, v in d["variants"].items():
    a = v.get("accuracy_vs_every_frame_pytorch") or {}
    print(f"{k:40s} {v['pipeline_fps']:8.1f} fps  ffmpeg {v['ffmpeg_fps']:8.1f}  ratio {v['ratio']:.3f}"
          + (f"  NME {a['landmark_nme_mean']:.4f} expr-agree {a['expression_argmax_agreement']:.3f}" if a else ""))
PY
