#!/bin/sh
# Build the MkDocs and Hugo examples against a running sockscope, for a look and the screenshots
# in docs/ (docs/embedding.md). Usage: build-sites.sh http://127.0.0.1:4173/ OUTDIR
# Needs Debian's mkdocs and hugo (apt-get install mkdocs hugo); works offline.
set -eu
url=${1:?sockscope address, with the trailing slash}
out=${2:?output folder}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/mkdocs" "$here/hugo" "$work/"
# The examples say https://YOUR-SITE/sockscope/; point them at the given sockscope.
grep -rl 'https://YOUR-SITE/sockscope/' "$work" | xargs sed -i "s#https://YOUR-SITE/sockscope/#$url#g"
mkdir -p "$out"
(cd "$work/mkdocs" && mkdocs build --quiet --site-dir "$out/mkdocs")
(cd "$work/hugo" && hugo --quiet --destination "$out/hugo" --baseURL /hugo/)
sed "s#https://YOUR-SITE/sockscope/#$url#g" "$here/plain.html" > "$out/plain.html"
echo "built $out/mkdocs/index.html $out/hugo/week3/index.html $out/plain.html"
