#!/usr/bin/env bash
# Speed of mer4j's voice extraction against Praat on the same files, same machine, same run
# (GitHub issue 3, part 5), plus a retained-heap-versus-length check on a synthetic stream.
#   tools/bench/voice-speed.sh <emodb folder> [repetitions, default 3] [memory-check minutes, default 30]
# Praat: one `praat --run` process over all files per repetition (read wav, Pitch (ac), PointProcess (cc),
# jitter, shimmer, Harmonicity (cc); no per-frame output), wall clock incl. its ~0.1 s start-up.
# mer4j: one JVM, all files per repetition (decode at 16 kHz + egemaps-lld + egemaps + vad), wall clock,
# JVM start-up excluded, repetition 1 (JIT warm-up) included in the list; both report the median.
# Writes runs/bench/voice-speed.json.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: $0 <emodb folder with wav/*.wav> [repetitions >= 3] [memory-check minutes]" >&2
  exit 2
fi
[ -d "$1/wav" ] || { echo "error: $1/wav does not exist; pass the EmoDB folder (it holds wav/*.wav)" >&2; exit 2; }
corpus="$(cd "$1" && pwd)"
reps="${2:-3}"
minutes="${3:-30}"
if [ "$reps" -lt 3 ]; then echo "error: repetitions must be at least 3, got $reps" >&2; exit 2; fi

if ! command -v praat >/dev/null 2>&1; then
  echo "voice-speed: installing Praat (Debian package 'praat')..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y praat >&2; else sudo apt-get install -y praat >&2; fi
fi
version="$(praat --version 2>/dev/null | head -1)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# build first (tools/mer4j builds when sources changed) so that building never overlaps a timing
"$repo/tools/mer4j" --class org.mer4j.audio.bench.VoiceSpeed --build-only

times=""
for r in $(seq 1 "$reps"); do
  start=$(date +%s.%N)
  praat --run "$repo/tools/bench/praat/voice-report.praat" "$corpus/wav" "$tmp" 75 600 0
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  echo "praat rep $r: $t s" >&2
  times="${times:+$times,}$t"
done
how="one praat --run process over all files per repetition (read wav at 22.05 kHz, To Pitch (ac) 75-600 Hz, To PointProcess (cc), jitter (local), shimmer (local_dB), To Harmonicity (cc), Get mean), wall clock from bash incl. Praat start-up, no per-frame output"
mkdir -p "$repo/runs/bench"
"$repo/tools/mer4j" --class org.mer4j.audio.bench.VoiceSpeed "$corpus" "$repo/runs/bench/voice-speed.json" "$reps" "$times" \
  "$version" "$how" "$minutes"
echo "voice-speed: wrote $repo/runs/bench/voice-speed.json" >&2
