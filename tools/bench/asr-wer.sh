#!/usr/bin/env bash
# ASR word error rate on synthetic speech: espeak-ng speaks N fixed sentences, the pocketsphinx engine
# (org.mer4j.text.asr.PocketSphinxRecognizer, via the Java main org.mer4j.text.bench.AsrWer) transcribes
# them, and runs/bench/asr-wer.json gets the corpus WER (word Levenshtein / reference words, lower-cased,
# punctuation stripped) with n, engine and versions.
#   tools/bench/asr-wer.sh [--engine pocketsphinx|vosk] [--vosk-model DIR]
# Needs: apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
voice="${ASR_WER_VOICE:-en-us+klatt}"   # the klatt variant is the espeak-ng voice pocketsphinx recognises best
rate="${ASR_WER_RATE:-160}"
for tool in espeak-ng pocketsphinx_continuous; do
  command -v "$tool" >/dev/null || { echo "asr-wer: $tool is missing; apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sentences=(
  "the quick brown fox jumps over the lazy dog"
  "i think i want to go home now"
  "what time is it"
  "please call me tomorrow morning"
  "i am not sure about that but maybe"
  "we went to the store yesterday afternoon"
  "she said that she would come back later"
  "can you tell me where the station is"
  "i really like this idea"
  "the weather is very nice today"
  "he does not want to talk about it"
  "my name is john and i live in london"
)
i=0
: > "$work/refs.tsv"
for s in "${sentences[@]}"; do
  i=$((i + 1))
  espeak-ng -v "$voice" -s "$rate" -w "$work/s$i.wav" "$s"
  printf 's%d.wav\t%s\n' "$i" "$s" >> "$work/refs.tsv"
done
mkdir -p "$repo/runs/bench"
"$repo/tools/mer4j" --class org.mer4j.text.bench.AsrWer --refs "$work/refs.tsv" --out "$repo/runs/bench/asr-wer.json" \
  --voice "$voice -s $rate ($(espeak-ng --version | head -1 | grep -o '[0-9][0-9.]*' | head -1))" "$@"
