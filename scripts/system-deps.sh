#!/usr/bin/env bash
# System packages the tests need: Chromium (browser tests, driven by Playwright), poppler-utils (PDF
# checks) and Pango (WeasyPrint). On Debian as root they are installed when missing; elsewhere
# this says plainly what to install.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)

[ ${#need[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Installing system packages with sudo: ${need[*]}"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Missing system packages: ${need[*]}" >&2
  echo "Install them with your package manager (Debian/Ubuntu: apt-get install ${need[*]};" >&2
  echo "elsewhere: Chromium, poppler-utils and Pango), then run make again." >&2
  exit 1
fi
