#!/usr/bin/env bash
# The main job on the bundled sample report (after setting everything up).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pipeline parse "${1:-data/samples/vantaa_2021_kasvatus_ja_oppiminen.txt}"
