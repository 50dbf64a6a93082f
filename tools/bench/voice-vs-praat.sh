#!/usr/bin/env bash
# Agreement of mer4j's voice descriptors with Praat on real speech (GitHub issue 3, part 4).
#   tools/bench/voice-vs-praat.sh <emodb folder> [pitch floor Hz] [pitch ceiling Hz]
# Praat (installed here if missing) runs tools/bench/praat/voice-report.praat over <emodb>/wav/*.wav:
# per-frame Pitch (ac, 10 ms) and per-file jitter (local), shimmer (local, dB), mean HNR (cc) into a
# temp folder. Then org.mer4j.audio.bench.VoiceVsPraat decodes the same files at 16 kHz through
# mer4j-media, computes our descriptors and writes runs/bench/voice-vs-praat.json.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: $0 <emodb folder with wav/*.wav> [floor Hz, default 75] [ceiling Hz, default 600]" >&2
  exit 2
fi
[ -d "$1/wav" ] || { echo "error: $1/wav does not exist; pass the EmoDB folder (it holds wav/*.wav and labels.csv)" >&2; exit 2; }
corpus="$(cd "$1" && pwd)"
floor="${2:-75}"
ceiling="${3:-600}"

if ! command -v praat >/dev/null 2>&1; then
  echo "voice-vs-praat: installing Praat (Debian package 'praat')..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y praat >&2; else sudo apt-get install -y praat >&2; fi
fi
version="$(praat --version 2>/dev/null | head -1)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "voice-vs-praat: $version over $corpus/wav (pitch $floor-$ceiling Hz)..." >&2
praat --run "$repo/tools/bench/praat/voice-report.praat" "$corpus/wav" "$tmp" "$floor" "$ceiling" 1 cc
mkdir -p "$repo/runs/bench"
"$repo/tools/mer4j" --class org.mer4j.audio.bench.VoiceVsPraat "$corpus" "$tmp" "$repo/runs/bench/voice-vs-praat.json" \
  "$floor" "$ceiling" "$version"
echo "voice-vs-praat: wrote $repo/runs/bench/voice-vs-praat.json" >&2
