#!/usr/bin/env bash
# Runs the test suite (extra arguments go to pytest), after making sure the setup is complete.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/setup.sh
# Two workers, one per core; tests/conftest.py keeps each half of the video's scenes in one.
exec .venv/bin/python -m pytest -q -n "${TOYNET_TEST_WORKERS:-2}" "$@"
