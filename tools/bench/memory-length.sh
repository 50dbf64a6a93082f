#!/usr/bin/env bash
# Peak memory and speed of extraction against media length (GitHub issue 15, part 3): one clip of
# 5, 20 and 60 minutes (default) at 640x480 with all three modalities (face-api faces, prosody +
# eGeMAPS voice, transcript words), extracted through the normal launcher under /usr/bin/time -v.
#   tools/bench/memory-length.sh [minutes ...]          e.g. tools/bench/memory-length.sh 5 20 60
# Inputs (under runs/bench/memory-length/, never committed): the RAVDESS take of ../shared/data/av-clips
# (video 01-01-08-02-01-01-19.mp4, speech 03-01-08-02-01-01-19.wav of the same take) muxed once into a
# 640x480 H.264/AAC unit, looped by stream copy to each length; a BAH-style word CSV (start;end;word;
# confidence, ms) with the take's sentence "kids are talking by the door" once per loop; a manifest
# with one clip. Config: tools/bench/memory-length.yaml (a fresh feature cache per run).
# Env: AV_CLIPS (default <repo>/../shared/data/av-clips, then /work/shared/data/av-clips).
# Writes runs/bench/memory-length.json: per length the peak RSS (VmHWM of the JVM, from time -v), wall
# and extraction seconds, seconds per media minute, and RSS sampled every 5 s while it ran.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
minutes=("$@")
[ ${#minutes[@]} -gt 0 ] || minutes=(5 20 60)
clips="${AV_CLIPS:-$repo/../shared/data/av-clips}"
[ -d "$clips" ] || clips=/work/shared/data/av-clips
video="$clips/01-01-08-02-01-01-19.mp4"
speech="$clips/03-01-08-02-01-01-19.wav"
for f in "$video" "$speech"; do
  [ -f "$f" ] || { echo "error: $f is missing; set AV_CLIPS to the folder with the RAVDESS take" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (Debian package 'time')" >&2; exit 2; }
if ! command -v ffmpeg >/dev/null; then
  echo "memory-length: installing Debian ffmpeg (builds the long inputs)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >&2
fi
work="runs/bench/memory-length"
mkdir -p "$work"
backend="face-api"
[ -f models/face-api/tiny_face_detector_model.bin ] || backend="haar fallback (no models/face-api: tools/mer4j models install)"

unit="$work/unit.mp4"
if [ ! -f "$unit" ]; then
  ffmpeg -v error -nostdin -y -i "$video" -i "$speech" -map 0:v:0 -map 1:a:0 -vf scale=640:480 -r 30000/1001 \
    -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -g 30 -c:a aac -b:a 96k -ar 48000 -ac 1 -t 4.0707 "$unit.tmp.mp4"
  mv "$unit.tmp.mp4" "$unit"
fi
unit_s=$(ffprobe -v error -select_streams v:0 -show_entries stream=duration -of csv=p=0 "$unit")

# build first (tools/mer4j builds when sources changed) so that building never overlaps a measurement
"$repo/tools/mer4j" --class org.mer4j.experiments.bench.ExtractOnly --build-only

results=()
for m in "${minutes[@]}"; do
  secs=$((m * 60))
  long="$work/long-$m.mp4"
  if [ ! -f "$long" ]; then
    loops=$(awk -v s="$secs" -v u="$unit_s" 'BEGIN { n = int(s / u); if (n * u < s) n++; print n }')
    ffmpeg -v error -nostdin -y -stream_loop $((loops - 1)) -i "$unit" -t "$secs" -c copy "$long.tmp.mp4"
    mv "$long.tmp.mp4" "$long"
  fi
  words="$work/long-$m.words.csv"
  awk -v s="$secs" -v u="$unit_s" 'BEGIN {
      split("kids are talking by the door", w, " ")
      print "start;end;word;confidence"
      for (k = 0; k * u + 2.7 <= s; k++)
        for (i = 1; i <= 6; i++) {
          a = (k * u + 0.9 + (i - 1) * 0.3) * 1000
          printf "%d;%d;%s;1.0\n", a, a + 280, w[i]
        }
    }' > "$words"
  manifest="$work/manifest-$m.json"
  cat > "$manifest" <<JSON
{"format": "mer4j-manifest/2", "name": "memory-length-$m",
 "classes": {"emotion": ["neutral", "surprised"]},
 "clips": [{"id": "ravdess-loop-${m}min", "subject": "a19", "video": "long-$m.mp4", "transcript": "long-$m.words.csv",
            "labels": {"emotion": "surprised"}}]}
JSON
  cache="$work/cache-$m"
  rm -rf "$cache"
  log="$work/run-$m.log"
  samples="$work/rss-$m.tsv"
  : > "$samples"
  echo "memory-length: $m minutes ($(du -h "$long" | cut -f1) video, $(($(wc -l < "$words") - 1)) words), faces: $backend" >&2
  /usr/bin/time -v "$repo/tools/mer4j" --class org.mer4j.experiments.bench.ExtractOnly tools/bench/memory-length.yaml \
    --set "data.manifest=$manifest" --set "features.cacheDir=$cache" > "$work/run-$m.json" 2> "$log" &
  tpid=$!
  start=$(date +%s)
  while kill -0 "$tpid" 2>/dev/null; do
    jpid=$(pgrep -P "$tpid" | head -1 || true)
    if [ -n "$jpid" ] && [ -r "/proc/$jpid/status" ]; then
      rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$jpid/status" 2>/dev/null || true)
      [ -n "$rss" ] && echo -e "$(( $(date +%s) - start ))\t$rss" >> "$samples"
    fi
    sleep 5
  done
  wait "$tpid" || { echo "error: extraction of $m minutes failed; see $log" >&2; tail -20 "$log" >&2; exit 1; }
  rm -rf "$cache"
  results+=("$m")
done

python3 - "$work" "$backend" "$unit_s" "${results[@]}" <<'PY'
import json, os, re, sys, time, platform
work, backend, unit_s, mins = sys.argv[1], sys.argv[2], float(sys.argv[3]), [int(m) for m in sys.argv[4:]]
def parse_time(path):
    t = open(path).read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
    el = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", t).group(1).split(":")
    wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(el)))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
    return rss, wall, user + sys_
rows = []
for m in mins:
    rss_kb, wall, cpu = parse_time(f"{work}/run-{m}.log")
    out = json.loads(open(f"{work}/run-{m}.json").read().strip().splitlines()[-1])
    samples = [tuple(map(int, l.split())) for l in open(f"{work}/rss-{m}.tsv") if l.strip()]
    rss_mb = [kb / 1024 for _, kb in samples]
    q = lambda f: round(rss_mb[min(len(rss_mb) - 1, int(f * (len(rss_mb) - 1)))], 1) if rss_mb else None
    rows.append({
        "minutes": m,
        "peak_rss_mb": round(rss_kb / 1024, 1),
        "wall_seconds": round(wall, 1),
        "extraction_seconds": round(out["extraction_seconds"], 1),
        "seconds_per_media_minute": round(wall / m, 2),
        "extraction_seconds_per_media_minute": round(out["extraction_seconds"] / m, 2),
        "cpu_seconds": round(cpu, 1),
        "rss_mb_at_25_50_75_100_percent_of_run": [q(0.25), q(0.5), q(0.75), q(1.0)],
        "rss_samples_every_5s_mb": [round(x, 1) for x in rss_mb],
        "extracted": out["extracted"], "skipped": out["skipped"], "aligned": out["aligned"],
    })
res = {
    "curve": rows,
    "peak_rss_limit_mb": 1536,
    "within_limit": all(r["peak_rss_mb"] < 1536 for r in rows),
    "faces_backend": backend,
    "input": f"RAVDESS take 01-01-08-02-01-01-19 (video) + 03-01-08-02-01-01-19.wav (its speech) muxed into a {unit_s:.3f} s 640x480 "
             "H.264/AAC unit, looped by stream copy; word CSV with the take's sentence once per loop; one-clip manifest",
    "config": "tools/bench/memory-length.yaml (face-expression, face-geometry, prosody, egemaps-lld, egemaps, word-tokens; videoFps 10,"
              " 16 kHz, threads 2, 100 ms timeline); run as tools/mer4j --class org.mer4j.experiments.bench.ExtractOnly (the"
              " FeaturePipeline of tools/mer4j run) with the launcher's defaults (-Xmx6g, one PyTorch thread), fresh feature cache",
    "measured_with": "/usr/bin/time -v (Maximum resident set size = the JVM's VmHWM: heap + native: PyTorch, FFmpeg, OpenCV); "
                     "seconds per media minute = wall seconds of the whole process (JVM start, model loading, hashing, extraction, "
                     "alignment) / media minutes; RSS samples from /proc/PID/status every 5 s",
    "cpu_cores": os.cpu_count(),
    "load_average_at_end": open("/proc/loadavg").read().strip(),
    "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
}
os.makedirs("runs/bench", exist_ok=True)
tmp = "runs/bench/memory-length.json.tmp"
open(tmp, "w").write(json.dumps(res, indent=2) + "\n")
os.replace(tmp, "runs/bench/memory-length.json")
print(json.dumps({k: v for k, v in res.items() if k != "curve"}, indent=2))
for r in rows:
    print(f"{r['minutes']:>3} min: peak RSS {r['peak_rss_mb']} MB, {r['seconds_per_media_minute']} s per media minute, RSS quartiles {r['rss_mb_at_25_50_75_100_percent_of_run']}")
PY
