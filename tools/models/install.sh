#!/usr/bin/env bash
# Installs the pretrained face models used by mer4j-vision (org.mer4j.vision.faceapi).
#   tools/mer4j models install [--force]   fetch, verify and unpack the weights
#   tools/mer4j models status              show where the weights are and whether they are complete
#
# Source: the npm package @vladmandic/face-api (MIT licence, (c) Vladimir Mandic, after face-api.js
# by Vincent Muehler), pinned to one version and checked against a pinned sha256 of its tarball.
# Only three models are unpacked (manifest + .bin each): the Tiny Face Detector, the 68-point
# landmark net and the 7-class expression net. They land in ${MER4J_MODELS:-<repo>/models}/face-api
# (models/ is gitignored). The network is needed here only: mer4j never downloads at run time.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

PACKAGE="@vladmandic/face-api"
VERSION="1.7.15"
TARBALL_SHA256="0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031"
MODELS=(tiny_face_detector_model face_landmark_68_model face_expression_model)

root="${MER4J_MODELS:-$repo/models}"
dest="$root/face-api"

usage() { sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; }

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

files_complete() {
  local m
  for m in "${MODELS[@]}"; do
    [ -s "$dest/$m-weights_manifest.json" ] && [ -s "$dest/$m.bin" ] || return 1
  done
  [ -s "$dest/INSTALLED.json" ]
}

cmd="${1:-install}"; [ $# -gt 0 ] && shift
case "$cmd" in
  status)
    if files_complete; then echo "face-api models installed in $dest"; cat "$dest/INSTALLED.json"; exit 0; fi
    echo "face-api models not installed (expected in $dest); run: tools/mer4j models install" >&2; exit 1 ;;
  install) ;;
  -h|--help|help) usage; exit 0 ;;
  *) echo "unknown models command: $cmd" >&2; usage; exit 2 ;;
esac

force=0
for a in "$@"; do
  case "$a" in --force) force=1 ;; *) echo "unknown option: $a" >&2; usage; exit 2 ;; esac
done
if [ "$force" = 0 ] && files_complete && grep -q "\"version\": \"$VERSION\"" "$dest/INSTALLED.json"; then
  echo "face-api $VERSION models already installed in $dest (use --force to reinstall)"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "npm is needed to fetch $PACKAGE@$VERSION (install Node.js >= 14)" >&2; exit 1; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/mer4j-faceapi.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "fetching $PACKAGE@$VERSION ..." >&2
(cd "$tmp" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tgz="$(ls "$tmp"/*.tgz)"
got="$(sha256 "$tgz")"
if [ "$got" != "$TARBALL_SHA256" ]; then
  echo "checksum mismatch for $(basename "$tgz"): expected $TARBALL_SHA256, got $got; refusing to install" >&2
  exit 1
fi

members=()
for m in "${MODELS[@]}"; do members+=("package/model/$m-weights_manifest.json" "package/model/$m.bin"); done
tar -xzf "$tgz" -C "$tmp" "${members[@]}"

mkdir -p "$dest"
{
  printf '{\n  "package": "%s",\n  "version": "%s",\n  "tarball_sha256": "%s",\n  "installed_at": "%s",\n  "files": {\n' \
    "$PACKAGE" "$VERSION" "$TARBALL_SHA256" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  n=${#members[@]}; i=0
  for f in "${members[@]}"; do
    i=$((i + 1)); name="$(basename "$f")"
    cp "$tmp/$f" "$dest/$name.part" && mv "$dest/$name.part" "$dest/$name"
    sep=","; [ "$i" = "$n" ] && sep=""
    printf '    "%s": "%s"%s\n' "$name" "$(sha256 "$dest/$name")" "$sep"
  done
  printf '  }\n}\n'
} > "$tmp/INSTALLED.json"
mv "$tmp/INSTALLED.json" "$dest/INSTALLED.json"
echo "installed ${#MODELS[@]} face-api models ($PACKAGE@$VERSION) into $dest" >&2
