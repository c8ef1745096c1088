#!/bin/sh
# Lays out, under the directory given, what the production image runs, from a checkout where `npm run build` has
# run: the root manifest and lockfile; for the packages the gateway and the subgraphs run on, each one's
# package.json and dist/; and the files they read at run time (the composed supergraph, each subgraph's
# schema.graphql, the explorer's own files). Development-only workspaces (scripts, bench, test) keep their
# package.json alone, so that `npm ci` finds every workspace the lockfile names. The Dockerfile's build stage runs it.
set -eu
out="$1"
mkdir -p "$out/schema"
cp package.json package-lock.json "$out/"
cp schema/supergraph.graphql "$out/schema/"
for dir in packages/* subgraphs/* gateway; do
  mkdir -p "$out/$dir"
  cp "$dir/package.json" "$out/$dir/"
  cp -R "$dir/dist" "$out/$dir/dist"
done
for schema in subgraphs/*/schema.graphql; do cp "$schema" "$out/$schema"; done
cp -R gateway/explorer "$out/gateway/explorer"
for dir in scripts bench test; do
  mkdir -p "$out/$dir"
  cp "$dir/package.json" "$out/$dir/"
done
