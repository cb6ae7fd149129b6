#!/usr/bin/env bash
# Measures the CPU an idle dashboard uses, in a detached tmux session of 110x34: reads the process's CPU time
# (utime+stime from /proc/PID/stat, in clock ticks) 10 s after the first screen (start-up work — JIT, tiered
# re-compilation, first draw — is not idle) and again after SECONDS (default 60), then quits with q and checks that it
# exited 0 with the shell's screen back.
#   scripts/tui-idle-cpu.sh [SECONDS [ITERATIONS_PER_SECOND]]
#       the harness scripts/tui-idle-cpu/IdleDashboard.cs: the dashboard alone, on a state that never changes.
#   scripts/tui-idle-cpu.sh --app [SECONDS]
#       the real `orpheus run` (Release build of src/OrpheusLive) on a silent microphone: the monitor of a PulseAudio
#       null sink that nothing plays into, on a private daemon from scripts/ci-audio.sh; the console player. The whole
#       pipeline runs as in use: every 1 s hop the speech gate looks at the window (silence: the model is not run) and
#       the dashboard redraws what changed.
# The thread pool's spin limit is 0, as the orpheus app's runtimeconfig sets it (src/OrpheusLive/OrpheusLive.csproj):
# Terminal.Gui's input and main loops wake the pool 70 times a second, and its workers' spinning would more than
# double the idle cost. DEFAULT_POOL=1 measures the harness with .NET's default spinning instead.
# NO_COLOR=1 in the environment is passed on.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=harness
[ "${1:-}" = --app ] && { mode=app; shift; }
seconds="${1:-60}"
per_second="${2:-}"
socket="orpheus-idle-$$"
tmux_() { tmux -L "$socket" "$@"; }
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  if [ "$mode" = app ]; then
    pulseaudio --kill 2>/dev/null || true
    rm -rf "${config:-}" "$ORPHEUS_PULSE_RUNTIME_DIR"
  fi
}
trap cleanup EXIT

if [ "$mode" = app ]; then
  dotnet build src/OrpheusLive -c Release -v quiet -nologo >/dev/null || { echo "could not build src/OrpheusLive"; exit 1; }
  export ORPHEUS_PULSE_RUNTIME_DIR="/tmp/orph-idle-$$"
  config="$(mktemp -d)"
  eval "$(scripts/ci-audio.sh --env 2>/dev/null)"
  pactl load-module module-null-sink sink_name=orpheus_silent rate=16000 channels=1 >/dev/null
  what="orpheus run, source orpheus_silent.monitor"
  ready="Listening — "
  command="cd '$PWD/src/OrpheusLive/bin/Release/net10.0' && ORPHEUS_CONFIG_DIR='$config' exec ./orpheus run --device orpheus_silent.monitor --player console"
else
  dll="$(dotnet build scripts/tui-idle-cpu/IdleDashboard.cs -c Release | sed -n 's/^ *IdleDashboard.cs -> //p')"
  [ -f "$dll" ] || { echo "could not build scripts/tui-idle-cpu/IdleDashboard.cs"; exit 1; }
  spin="DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0"
  [ "${DEFAULT_POOL:-}" = 1 ] && spin=""
  what="idle dashboard harness"
  ready="Listening — demo.wav"
  command="$spin exec dotnet '$dll' '$PWD/config/moods.json' $per_second"
fi

tmux_ new-session -d -s idle -x 110 -y 34 "${NO_COLOR:+NO_COLOR=$NO_COLOR }$command"
tmux_ set-option -t idle remain-on-exit on

for _ in $(seq 1 120); do
  tmux_ capture-pane -p -t idle | grep -q "$ready" && break
  sleep 0.5
done
tmux_ capture-pane -p -t idle | grep -q "$ready" || { echo "the dashboard did not come up:"; tmux_ capture-pane -p -t idle; exit 1; }

pid="$(tmux_ display-message -p -t idle '#{pane_pid}')" # exec: the pane's process is the dashboard
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"
sleep 10
before="$(ticks "$pid")"; start="$(date +%s.%N)"
sleep "$seconds"
after="$(ticks "$pid")"; end="$(date +%s.%N)"
if [ "$mode" = app ] && ! tmux_ capture-pane -p -t idle | grep -q "silence"; then
  echo "the dashboard does not show silence on the silent source:"; tmux_ capture-pane -p -t idle; exit 1
fi

awk -v b="$before" -v a="$after" -v hz="$hz" -v s="$start" -v e="$end" -v p="$pid" -v w="$what" 'BEGIN {
  cpu = (a - b) / hz; wall = e - s;
  printf "%s (pid %d): %.2f s CPU in %.1f s = %.2f %% of a core\n", w, p, cpu, wall, 100 * cpu / wall }'

tmux_ send-keys -t idle q
for _ in $(seq 1 40); do [ "$(tmux_ display-message -p -t idle '#{pane_dead}')" = 1 ] && break; sleep 0.25; done
status="$(tmux_ display-message -p -t idle '#{pane_dead_status}')"
echo "exit code after q: ${status:-still running}"
tmux_ capture-pane -p -t idle | grep -q "$ready" && { echo "the dashboard is still on the screen after q"; exit 1; }
[ "$status" = 0 ]
