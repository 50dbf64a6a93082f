#!/usr/bin/env bash
# Face pipeline speed: detect + track + align + face features on frames decoded at 640x480,
# against `ffmpeg -i VIDEO -f null -` (Debian ffmpeg) on the same file in the same run.
#
#   tools/bench/faces-speed.sh VIDEO             benchmark VIDEO, write runs/bench/faces-speed.json
#   TEN_MINUTES=1 tools/bench/faces-speed.sh VIDEO
#                                                also build a 10-minute 640x480 video by looping the
#                                                RAVDESS clip (under runs/bench/, never committed) and
#                                                add its figures under "ten_minute"
# Env: REPS (default 3), LONG_REPS (default 1), MODELS (auto|haar, default auto: face-api when
# installed, else the Haar fallback), DETECT_EVERY (default 5), OUT (default runs/bench/faces-speed.json).
# Keys: pipeline_fps, ffmpeg_fps (medians over REPS), ratio = pipeline_fps / ffmpeg_fps,
# peak_rss_mb (VmHWM of the Java process), plus the per-repetition values.
set -euo pipefail
# the face nets run with one PyTorch thread (3x faster on 2 cores than nested intra-op threads)
export MER4J_TORCH_THREADS="${MER4J_TORCH_THREADS:-1}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
video="${1:?usage: tools/bench/faces-speed.sh VIDEO}"
video="$(cd "$(dirname "$video")" && pwd)/$(basename "$video")"
reps="${REPS:-3}"
long_reps="${LONG_REPS:-1}"
models="${MODELS:-auto}"
every="${DETECT_EVERY:-5}"
out="${OUT:-$repo/runs/bench/faces-speed.json}"
mkdir -p "$repo/runs/bench" "$(dirname "$out")"

if ! command -v ffmpeg >/dev/null; then
  echo "faces-speed: installing Debian ffmpeg (the decode-speed reference)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >&2
fi

frames_of() {
  ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$1"
}

# ffmpeg reference: seconds per full decode, REPS times
ffmpeg_times() {
  local f="$1" n="$2" i s e
  for ((i = 0; i < n; i++)); do
    s=$(date +%s.%N)
    ffmpeg -v error -nostdin -i "$f" -f null - 
    e=$(date +%s.%N)
    echo "$s $e" | awk '{printf "%.4f ", $2 - $1}'
  done
}

bench_one() {  # VIDEO REPS -> writes a JSON object on stdout
  local f="$1" n="$2" nframes ft java_json
  nframes=$(frames_of "$f")
  ft=$(ffmpeg_times "$f" "$n")
  java_json=$("$repo/tools/mer4j" --class org.mer4j.vision.bench.FacesSpeed "$f" --reps "$n" --models "$models" \
    --detect-every "$every" --width 640 --height 480 | tail -n 1)
  python3 - "$f" "$nframes" "$ft" "$java_json" <<'PY'
import json, statistics, sys
path, nframes, ftimes, java = sys.argv[1], int(sys.argv[2]), [float(x) for x in sys.argv[3].split()], json.loads(sys.argv[4])
ff = [nframes / t for t in ftimes]
pipe = java["pipeline_fps_reps"]
res = {
    "video": path,
    "frames": java["frames"],
    "pipeline_fps": round(statistics.median(pipe), 2),
    "ffmpeg_fps": round(statistics.median(ff), 2),
    "ratio": round(statistics.median(pipe) / statistics.median(ff), 4),
    "peak_rss_mb": java["peak_rss_mb"],
    "pipeline_fps_reps": pipe,
    "ffmpeg_fps_reps": [round(v, 2) for v in ff],
    "rss_mb_samples": java["rss_mb_samples"],
    "backend": java["backend"],
    "extractors": java["extractors"],
    "detect_every": java["detect_every"],
    "face_fraction": java["face_fraction"],
    "decode_size": "640x480",
}
print(json.dumps(res))
PY
}

echo "faces-speed: $video ($reps repetitions)..." >&2
short=$(bench_one "$video" "$reps")
long="null"
if [ "${TEN_MINUTES:-0}" = "1" ]; then
  long_video="$repo/runs/bench/ravdess-10min-640x480.mp4"
  src="$repo/../shared/data/av-clips/01-01-08-02-01-01-19.mp4"
  if [ ! -f "$long_video" ]; then
    [ -f "$src" ] || { echo "faces-speed: $src is absent: cannot build the 10-minute video" >&2; exit 1; }
    echo "faces-speed: building $long_video (10 minutes, 640x480, looped RAVDESS clip)..." >&2
    ffmpeg -v error -nostdin -y -stream_loop -1 -i "$src" -t 600 -an -vf scale=640:480 -c:v libx264 -preset veryfast -crf 23 \
      "$long_video.tmp.mp4"
    mv "$long_video.tmp.mp4" "$long_video"
  fi
  echo "faces-speed: 10-minute video ($long_reps repetitions)..." >&2
  long=$(bench_one "$long_video" "$long_reps")
fi
tmp="$out.tmp.$$"
python3 - "$short" "$long" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(ffmpeg -version | head -n 1)" "$(nproc)" > "$tmp" <<'PY'
import json, sys
res = json.loads(sys.argv[1])
long = json.loads(sys.argv[2])
res["ten_minute"] = long
res["measured_at"] = sys.argv[3]
res["ffmpeg_version"] = sys.argv[4]
res["cpus"] = int(sys.argv[5])
print(json.dumps(res, indent=2))
PY
mv "$tmp" "$out"
cat "$out"
