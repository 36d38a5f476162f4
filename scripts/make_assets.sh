#!/usr/bin/env bash
# Regenerate every committed run artifact from its documented command (see assets/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
$py -m toynet_core train --seed 0 --out assets/default_run.npz
$py -m toynet_core train --seed 4 --init normal --out assets/failed_run.npz
$py -m toynet_core sweep --seeds 200 --out assets/sweep_default.npz
$py -m toynet_core sweep --seeds 200 --init normal --out assets/sweep_plain.npz
