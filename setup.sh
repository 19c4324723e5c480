#!/usr/bin/env bash
# Sets up briefings on a fresh Debian/Ubuntu machine and builds the demo briefing into out/.
# Steps: Pango and the fonts through apt if they are missing (DejaVu for Latin, Greek and
# Cyrillic; WenQuanYi Micro Hei, 1.6 MB, for Chinese, Japanese and Korean source titles; poppler-utils
# for the visual test of the PDF), a
# virtual environment in .venv, the package with its test extras (pytest, a loopback SMTP server,
# Dask for the cluster test), then
# `briefings build config/china-russia.yaml`.
set -euo pipefail
cd "$(dirname "$0")"
python=${PYTHON:-python3}

if ! ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || ! fc-list 2>/dev/null | grep -qi dejavu \
    || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Pango and fonts with apt-get..."
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
      fontconfig fonts-dejavu-core fonts-wqy-microhei poppler-utils >/dev/null
  else
    echo "setup: Pango (libpango-1.0) is missing; install it with your package manager" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"

.venv/bin/briefings build config/china-russia.yaml
