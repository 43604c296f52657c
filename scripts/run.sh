#!/usr/bin/env bash
# The main job on the bundled sample report (after setting everything up): read it,
# find its figures, predict each goal's status with the shipped model and audit the claims.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pipeline analyse "${1:-data/samples/vantaa_2021_kasvatus_ja_oppiminen.txt}"
