#!/usr/bin/env bash
# What the tests need from Debian that npm cannot bring: Chromium, which the
# browser tests drive through playwright-core (a browser download cannot work
# on these machines), and poppler-utils, whose pdftoppm and pdftotext turn the
# report PDFs into PNG pages and text, as a person would look at them.
# Installs only what is missing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Saknas: ${missing[*]} — installerar Debians paket …" >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
"$CHROMIUM" --version >&2
pdftoppm -v 2>&1 | head -1 >&2
