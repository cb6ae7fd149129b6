#!/usr/bin/env bash
# Virtual audio for tests on machines without a sound card (CI, containers): a PulseAudio daemon with
#   - sink   "orpheus_null"  : a null sink (playback goes nowhere; its monitor can be recorded),
#   - source "orpheus_sine"  : a 440 Hz sine source (also the default source),
#   - source "orpheus_pipe"  : a pipe source fed from a FIFO (write raw s16le 16 kHz mono into it).
#
# Use it by sourcing, so the environment reaches the test process:
#     source scripts/ci-audio.sh && dotnet test tests/OrpheusLive.Audio.Tests
# or run it and eval its output:  eval "$(scripts/ci-audio.sh --env)"   (--print-env is the same)
#
# Safe to run twice: an already running daemon that answers is reused and missing modules are loaded.
# Exports: XDG_RUNTIME_DIR, PULSE_SERVER, ORPHEUS_PULSE_SINK, ORPHEUS_PULSE_SINE_SOURCE, ORPHEUS_PULSE_PIPE_SOURCE,
# ORPHEUS_PULSE_PIPE_FIFO. Sources deliver audio in bursts (up to ~2 s): tests must not assert latency.

_orpheus_ci_audio() {
  local print_env="${1:-}"
  local runtime="${ORPHEUS_PULSE_RUNTIME_DIR:-/tmp/orpheus-pulse}"
  local sink=orpheus_null sine=orpheus_sine pipe=orpheus_pipe
  local fifo="$runtime/orpheus_pipe.fifo"

  if ! command -v pulseaudio >/dev/null || ! command -v pactl >/dev/null; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
          pulseaudio pulseaudio-utils libpulse0; } >/dev/null 2>&1 || true
    fi
    command -v pulseaudio >/dev/null || { echo "ci-audio: pulseaudio is not installed (apt-get install pulseaudio pulseaudio-utils)" >&2; return 1; }
  fi

  mkdir -p "$runtime" && chmod 700 "$runtime"
  export XDG_RUNTIME_DIR="$runtime"
  export PULSE_SERVER="unix:$runtime/pulse/native"

  if ! pactl info >/dev/null 2>&1; then
    # A stale pid file from a killed daemon would make the new one refuse to start.
    pulseaudio --kill >/dev/null 2>&1 || true
    rm -f "$runtime/pulse/pid"
    # -n: no default.pa, so no hardware probing; the native protocol socket sits at a fixed path under $runtime.
    pulseaudio -D -n --exit-idle-time=-1 --disallow-exit --log-target=stderr --log-level=error \
      --load="module-native-protocol-unix auth-anonymous=1 socket=$runtime/pulse/native" \
      >/dev/null 2>&1 || true
    local i
    for i in $(seq 1 100); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
    pactl info >/dev/null 2>&1 || { echo "ci-audio: the PulseAudio daemon did not start" >&2; return 1; }
  fi

  local sinks sources
  sinks="$(pactl list short sinks 2>/dev/null)"
  sources="$(pactl list short sources 2>/dev/null)"
  grep -q "\b$sink\b" <<<"$sinks" ||
    pactl load-module module-null-sink sink_name="$sink" rate=48000 channels=2 >/dev/null
  grep -q "\b$sine\b" <<<"$sources" ||
    pactl load-module module-sine-source source_name="$sine" rate=16000 frequency=440 >/dev/null
  if ! grep -q "\b$pipe\b" <<<"$sources"; then
    # The module creates the FIFO itself; remove a leftover one so it does not refuse.
    rm -f "$fifo"
    pactl load-module module-pipe-source source_name="$pipe" file="$fifo" format=s16le rate=16000 channels=1 >/dev/null
  fi
  pactl set-default-source "$sine" >/dev/null
  pactl set-default-sink "$sink" >/dev/null

  export ORPHEUS_PULSE_SINK="$sink" ORPHEUS_PULSE_SINE_SOURCE="$sine" ORPHEUS_PULSE_PIPE_SOURCE="$pipe"
  export ORPHEUS_PULSE_PIPE_FIFO="$fifo"

  if [[ "$print_env" == "--print-env" || "$print_env" == "--env" ]]; then
    local v
    for v in XDG_RUNTIME_DIR PULSE_SERVER ORPHEUS_PULSE_SINK ORPHEUS_PULSE_SINE_SOURCE ORPHEUS_PULSE_PIPE_SOURCE ORPHEUS_PULSE_PIPE_FIFO; do
      printf 'export %s=%q\n' "$v" "${!v}"
    done
  else
    echo "ci-audio: PulseAudio ready at $PULSE_SERVER (sink $sink, sources $sine, $pipe <- $fifo)" >&2
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  _orpheus_ci_audio "${1:-}"
else
  _orpheus_ci_audio "${1:-}"
fi
