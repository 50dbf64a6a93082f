#!/usr/bin/env bash
# The conflict benchmark in one command: generate the conflict corpus (once; seeded, so always the same),
# train the whole zoo on it (configs/conflict/zoo.yaml), and copy the tables here.
#   experiments/conflict/run.sh [--set key=value ...]   (copies runs/conflict: keep the experiment name)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
if [ ! -f data/conflict/manifest.json ]; then
  tools/mer4j synth --out data/conflict --subjects 48 --conflict 0.4,0.2,0.2,0.2 --distractor-intensity 0.5
fi
tools/mer4j run configs/conflict/zoo.yaml "$@"
for f in table.md table-by-subset.md table-by-subset.csv table-by-fold.md summary.json; do
  cp "runs/conflict/$f" "experiments/conflict/$f"
done
echo "conflict tables: experiments/conflict/table-by-subset.md"
