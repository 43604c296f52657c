#!/usr/bin/env bash
# Set up everything on a fresh Debian machine: Voikko from apt, a virtual
# environment in .venv with the package, its dependencies and the Finnish
# spaCy model. Safe to run again: what is there is kept.
#   --test   also the packages the tests need: PostgreSQL (the storage tests
#            start a private server of their own) and Chromium (the browser
#            tests drive Debian's chromium through Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libvoikko1 voikko-fi)
if [ "${1:-}" = "--test" ]; then
    APT_PACKAGES+=(postgresql chromium)
fi
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    if ! command -v apt-get >/dev/null; then
        echo "error: the packages ${missing[*]} are missing and apt-get is not available;" \
             "install libvoikko (libvoikko1) and its Finnish dictionary (voikko-fi) with your package manager, then run again." >&2
        exit 1
    fi
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing ${missing[*]} with apt-get ..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
    for candidate in python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null &&
           "$candidate" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] <= (3, 12)))' 2>/dev/null; then
            PYTHON="$candidate"; break
        fi
    done
fi
if [ -z "$PYTHON" ]; then
    echo "error: Python 3.11 or 3.12 is needed (the Finnish spaCy model does not support 3.13 yet)." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[dev]"
    touch "$stamp"
fi
