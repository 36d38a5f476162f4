#!/usr/bin/env bash
# Makes sure the system packages and the Python environment are in place; quick (well under
# 2 s) and silent when they already are. Called by render.sh and test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(libcairo2-dev libpango1.0-dev pkg-config texlive-latex-extra texlive-fonts-recommended dvisvgm python3-venv)
# For tests: TOYNET_SETUP_PACKAGES replaces the list, TOYNET_SETUP_CHECK_ONLY=1 never installs.
if [[ -n "${TOYNET_SETUP_PACKAGES:-}" ]]; then read -r -a PACKAGES <<< "$TOYNET_SETUP_PACKAGES"; fi

if command -v dpkg-query >/dev/null 2>&1; then
    missing=()
    for pkg in "${PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        if [[ $(id -u) -eq 0 && -z "${TOYNET_SETUP_CHECK_ONLY:-}" ]]; then
            echo "setup: installing ${missing[*]}" >&2
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
        else
            echo "setup: missing system packages: ${missing[*]}" >&2
            echo "setup: install them with:" >&2
            echo "    sudo apt-get install --no-install-recommends ${missing[*]}" >&2
            exit 1
        fi
    fi
else
    # Not Debian or Ubuntu: check the programs themselves.
    for prog in pkg-config latex dvisvgm; do
        if ! command -v "$prog" >/dev/null 2>&1; then
            echo "setup: '$prog' is missing; install the equivalents of: ${PACKAGES[*]}" >&2
            exit 1
        fi
    done
fi

if [[ ! -x .venv/bin/python ]]; then
    echo "setup: creating .venv" >&2
    python3 -m venv .venv
fi

# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.toynet-pyproject.sha256
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "setup: installing the project into .venv (pyproject.toml changed)" >&2
    .venv/bin/python -m pip install -q -e '.[test]' >&2
    echo "$want" > "$stamp.tmp" && mv "$stamp.tmp" "$stamp"
fi

# The narration voice is a 63 MB model: check it is the one Piper publishes.
scripts/check_voice.sh
