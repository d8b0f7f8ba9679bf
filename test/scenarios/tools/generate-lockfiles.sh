#!/usr/bin/env bash
# Regenerates one scenario repository's package-lock.json with the real npm CLI:
#   tools/generate-lockfiles.sh <scenario>/files/<repo> <before-date>
# in a temporary copy of the repository's package.json files (workspaces included), against the
# public registry as it was at <before-date> (npm's --before), with the fictional @acme scope served
# by tools/acme-registry.mjs on 127.0.0.1:4873 (start it first: `node tools/acme-registry.mjs`,
# from a directory holding the `npm pack --json` output of each @acme package). Edits made after
# generation (malicious versions that the registry no longer serves) are listed in each README.
set -euo pipefail
repo="$1"; before="$2"
work="$(mktemp -d)"
(cd "$repo" && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} "$work" \;)
(cd "$work" && npm install --package-lock-only --ignore-scripts \
  --omit-lockfile-registry-resolved=false --before="$before" \
  --@acme:registry=http://127.0.0.1:4873/ --no-audit --no-fund)
cp "$work/package-lock.json" "$repo/package-lock.json"
rm -rf "$work"
