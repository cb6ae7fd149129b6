#!/usr/bin/env bash
# Installs what OrpheusLive needs on a fresh Debian/Ubuntu machine, once (idempotent, quiet when all is there).
#   scripts/setup.sh          runtime needs (PulseAudio client, npm for the ONNX Runtime fetch at build time)
#   scripts/setup.sh --test   plus what the tests use (a PulseAudio daemon, tmux, sox, espeak-ng, a D-Bus daemon and
#                             playerctl for the media-key tests)
set -euo pipefail

need=(libpulse0 pulseaudio-utils npm)
if [[ "${1:-}" == "--test" ]]; then
  need+=(pulseaudio tmux sox espeak-ng opus-tools dbus playerctl)
fi

missing=()
for pkg in "${need[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
# npm may come from a non-Debian Node.js install: that is fine too.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm/}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))

if (( ${#missing[@]} > 0 )); then
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
    echo "setup: please install: ${missing[*]}" >&2
    exit 1
  fi
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "setup: installing ${missing[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
  exit 1
fi
