#!/usr/bin/env bash
# Speed of mer4j's voice analysis against Praat on the same files, same machine, same run (GitHub
# issues 3 part 5 and 15 part 4), plus a retained-heap-versus-length check on a synthetic stream.
#   tools/bench/voice-speed.sh <emodb folder> [repetitions, default 5] [memory-check minutes, default 30]
# Env: FLOOR / CEILING (pitch range on both sides, default Praat's 75-600 Hz).
# org.mer4j.audio.bench.VoiceSpeed runs in one JVM and starts `praat --run tools/bench/praat/voice-report.praat`
# itself before each of its own repetitions (Praat rep, mer4j rep, ... per variant), so both sides see the
# same load; repetition 0 is a warm-up and excluded. Both read the files at their own rate (22.05 kHz for
# ../shared/data/emodb) and use the same pitch range. Variants, with what each side computes in the JSON:
#   pitch_jitter_shimmer      Praat Pitch (ac) + PointProcess (cc) + jitter + shimmer; mer4j's voice-quality pass
#   pitch_jitter_shimmer_hnr  plus HNR: Praat To Harmonicity (ac); mer4j's HNR from its pitch pass
#   egemaps_full              mer4j egemaps-lld + egemaps + vad against Praat's pitch_jitter_shimmer_hnr
# Writes runs/bench/voice-speed.json.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: $0 <emodb folder with wav/*.wav> [repetitions >= 3] [memory-check minutes]" >&2
  exit 2
fi
[ -d "$1/wav" ] || { echo "error: $1/wav does not exist; pass the EmoDB folder (it holds wav/*.wav)" >&2; exit 2; }
corpus="$(cd "$1" && pwd)"
reps="${2:-5}"
minutes="${3:-30}"
if [ "$reps" -lt 3 ]; then echo "error: repetitions must be at least 3, got $reps" >&2; exit 2; fi

if ! command -v praat >/dev/null 2>&1; then
  echo "voice-speed: installing Praat (Debian package 'praat')..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y praat >&2; else sudo apt-get install -y praat >&2; fi
fi
version="$(praat --version 2>/dev/null | head -1)"

# build first (tools/mer4j builds when sources changed) so that building never overlaps a timing
"$repo/tools/mer4j" --class org.mer4j.audio.bench.VoiceSpeed --build-only
mkdir -p "$repo/runs/bench"
"$repo/tools/mer4j" --class org.mer4j.audio.bench.VoiceSpeed "$corpus" "$repo/runs/bench/voice-speed.json" \
  "$repo/tools/bench/praat/voice-report.praat" "$version" --reps "$reps" --memory-minutes "$minutes" \
  --floor "${FLOOR:-75}" --ceiling "${CEILING:-600}"
echo "voice-speed: wrote $repo/runs/bench/voice-speed.json" >&2
