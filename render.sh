#!/usr/bin/env bash
# Renders the video: ./render.sh --help for the commands, options and output folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"  # manim.cfg is read from the current directory
scripts/setup.sh
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
exec .venv/bin/python -m pipeline "$@"
