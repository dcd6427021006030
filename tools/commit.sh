#!/usr/bin/env bash
# Commit only when the whole suite passes: tools/commit.sh "message" [paths...]
set -euo pipefail
cd "$(dirname "$0")/.."
msg=${1:?usage: tools/commit.sh "message" [paths...]}; shift
git add -A "${@:-.}"
.venv/bin/python -m pytest -q -x -p no:cacheprovider >/tmp/askclover-commit-$$.log 2>&1 || { tail -30 /tmp/askclover-commit-$$.log; echo "suite red: not committed"; exit 1; }
tail -1 /tmp/askclover-commit-$$.log
git commit -q -m "$msg" && git log --oneline -1
