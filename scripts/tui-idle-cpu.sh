#!/usr/bin/env bash
# Measures the CPU an idle dashboard uses: runs scripts/tui-idle-cpu/IdleDashboard.cs (the dashboard on a state
# that never changes) in a detached tmux session of 110x34, reads the process's CPU time (utime+stime from
# /proc, in clock ticks) when the first screen is up and again after SECONDS (default 60), then quits with q and
# checks that it exited 0 with the shell's screen back.
# The thread pool's spin limit is 0, as the orpheus app's runtimeconfig sets it (src/OrpheusLive/OrpheusLive.csproj):
# Terminal.Gui's input and main loops wake the pool 70 times a second, and its workers' spinning would more than
# double the idle cost. DEFAULT_POOL=1 measures with .NET's default spinning instead.
#   usage: scripts/tui-idle-cpu.sh [SECONDS [ITERATIONS_PER_SECOND]]   (NO_COLOR=1 in the environment is passed on)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
per_second="${2:-}"
socket="orpheus-idle-$$"
tmux_() { tmux -L "$socket" "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true' EXIT

dll="$(dotnet build scripts/tui-idle-cpu/IdleDashboard.cs -c Release | sed -n 's/^ *IdleDashboard.cs -> //p')"
[ -f "$dll" ] || { echo "could not build scripts/tui-idle-cpu/IdleDashboard.cs"; exit 1; }
spin="DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0"
[ "${DEFAULT_POOL:-}" = 1 ] && spin=""
tmux_ new-session -d -s idle -x 110 -y 34 \
  "${NO_COLOR:+NO_COLOR=$NO_COLOR }$spin exec dotnet '$dll' '$PWD/config/moods.json' $per_second"
tmux_ set-option -t idle remain-on-exit on

for _ in $(seq 1 120); do
  tmux_ capture-pane -p -t idle | grep -q "Listening — demo.wav" && break
  sleep 0.5
done
tmux_ capture-pane -p -t idle | grep -q "Listening — demo.wav" || { echo "the dashboard did not come up:"; tmux_ capture-pane -p -t idle; exit 1; }

pid="$(tmux_ display-message -p -t idle '#{pane_pid}')" # exec: the pane's process is the dashboard
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"
sleep 10 # start-up work (JIT, tiered re-compilation of the hot loop, first draw) is not idle
before="$(ticks "$pid")"; ps_before="$(ps -o cputime= -p "$pid")"; start="$(date +%s.%N)"
sleep "$seconds"
after="$(ticks "$pid")"; ps_after="$(ps -o cputime= -p "$pid")"; end="$(date +%s.%N)"

awk -v b="$before" -v a="$after" -v hz="$hz" -v s="$start" -v e="$end" -v p="$pid" -v pb="$ps_before" -v pa="$ps_after" 'BEGIN {
  cpu = (a - b) / hz; wall = e - s;
  printf "idle dashboard (pid %d): %.2f s CPU in %.1f s = %.2f %% of a core (ps cputime %s -> %s)\n", p, cpu, wall, 100 * cpu / wall, pb, pa }'

tmux_ send-keys -t idle q
for _ in $(seq 1 40); do [ "$(tmux_ display-message -p -t idle '#{pane_dead}')" = 1 ] && break; sleep 0.25; done
status="$(tmux_ display-message -p -t idle '#{pane_dead_status}')"
echo "exit code after q: ${status:-still running}"
tmux_ capture-pane -p -t idle | grep -q "Listening — demo.wav" && { echo "the dashboard is still on the screen after q"; exit 1; }
[ "$status" = 0 ]
