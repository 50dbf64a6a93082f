#!/usr/bin/env bash
# Builds a MELD folder for the official-split recipe from the two released splits this project's
# machines have (train and dev, no test): MELD's dev becomes the test split, and every tenth training
# dialogue (Dialogue_ID % 10 == 0) becomes the validation split that picks the best epoch.
#   tools/meld/dev-as-test.sh <folder with train_sent_emo.csv and dev_sent_emo.csv> <output folder>
# Rows are copied byte for byte (the files are Windows-1252 in places; one row per line).
set -euo pipefail
src="${1:?usage: dev-as-test.sh <meld folder> <output folder>}"
out="${2:?usage: dev-as-test.sh <meld folder> <output folder>}"
for f in train_sent_emo.csv dev_sent_emo.csv; do
  [ -f "$src/$f" ] || { echo "dev-as-test: $src/$f is missing; give the folder of MELD's released CSVs" >&2; exit 2; }
done
mkdir -p "$out"
# Dialogue_ID is the 6th of 11 columns; counted from the end (the quoted utterance may hold commas,
# and each of the two quoted times holds one)
LC_ALL=C awk -F, -v val="$out/dev_sent_emo.csv" -v train="$out/train_sent_emo.csv" '
  NR == 1 { print > train; print > val; next }
  { d = $(NF - 7) + 0; if (d % 10 == 0) print > val; else print > train }' "$src/train_sent_emo.csv"
cp "$src/dev_sent_emo.csv" "$out/test_sent_emo.csv"
echo "dev-as-test: $(($(wc -l < "$out/train_sent_emo.csv") - 1)) train, $(($(wc -l < "$out/dev_sent_emo.csv") - 1)) validation, $(($(wc -l < "$out/test_sent_emo.csv") - 1)) test rows in $out"
