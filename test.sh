#!/usr/bin/env bash
# Runs the test suite (extra arguments go to pytest), after making sure the setup is complete.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/setup.sh
exec .venv/bin/python -m pytest -q "$@"
