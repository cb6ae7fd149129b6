#!/usr/bin/env python3
"""Measures what docs/performance.md reports, in one run, on this machine:

  * per-window latency p50/p95/max of the shipped model in C# (`orpheus bench`) and of the same model in PyTorch
    (training/bench_torch.py, when the training checkpoint and Debian's python3-torch are present), and their ratio;
  * CPU use and RSS while listening in real time at a 1 s hop (the demo input, as a microphone would deliver it);
  * start-up time to the first window (process start → first `listen --json` line, file input read fast).

Usage: scripts/perf-report.py [--app DIR] [--json]   (build first: dotnet build src/OrpheusLive -c Release)
"""
import argparse, json, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def orpheus(app, *args):
    return ["dotnet", os.path.join(app, "orpheus.dll"), *args]


def bench_csharp(app):
    out = subprocess.run(orpheus(app, "bench", "--windows", "500", "--warmup", "50", "--json"),
                         capture_output=True, text=True, check=True, cwd=app).stdout
    return json.loads(out)


def bench_torch():
    script = os.path.join(ROOT, "training", "bench_torch.py")
    if not os.path.exists(script) or not os.path.exists("/usr/bin/python3"):
        return None
    r = subprocess.run(["/usr/bin/python3", script, "--json"], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        print("PyTorch benchmark skipped: " + (r.stderr.strip().splitlines() or ["failed"])[-1], file=sys.stderr)
        return None
    return json.loads(r.stdout)


def proc_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def proc_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def listen_realtime(app):
    """CPU share and RSS while the pipeline runs in real time (1 s hop) on the demo input; first 5 s excluded."""
    demo = os.path.join(app, "samples", "demo.wav")
    p = subprocess.Popen(orpheus(app, "listen", "--input", demo, "--json", "--Log:ConsoleLevel=Warning"),
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=app)
    start_line = None
    rss = []
    for line in p.stdout:
        if start_line is None:
            start_line = (time.monotonic(), proc_cpu_seconds(p.pid))
        rss.append(proc_rss_mb(p.pid))
        last = (time.monotonic(), proc_cpu_seconds(p.pid))
    p.wait()
    wall = last[0] - start_line[0]
    cpu = last[1] - start_line[1]
    return {"cpu_percent_of_one_core": round(100 * cpu / wall, 2), "rss_mb_max": round(max(rss), 1),
            "rss_mb_end": round(rss[-1], 1), "seconds_measured": round(wall, 1)}


def startup(app, runs=5):
    demo = os.path.join(app, "samples", "demo.wav")
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        p = subprocess.Popen(orpheus(app, "listen", "--input", demo, "--fast", "--json", "--Log:ConsoleLevel=Warning"),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=app)
        p.stdout.readline()
        times.append(time.monotonic() - t0)
        p.kill()
        p.wait()
    times.sort()
    return {"first_window_ms_median": round(1000 * times[len(times) // 2]), "first_window_ms_min": round(1000 * times[0])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", default=os.path.join(ROOT, "src", "OrpheusLive", "bin", "Release", "net10.0"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    report = {"machine": {"cores": os.cpu_count()}}
    report["csharp"] = bench_csharp(a.app)
    torch = bench_torch()
    if torch:
        report["pytorch"] = torch
        report["pytorch_over_csharp_p50"] = round(torch["p50_ms"] / report["csharp"]["p50_ms"], 1)
    report["listening"] = listen_realtime(a.app)
    report["startup"] = startup(a.app)
    if a.json:
        print(json.dumps(report, indent=1))
        return
    c = report["csharp"]
    print(f"C# (ONNX Runtime):   window → probabilities p50 {c['p50_ms']:.2f} ms  p95 {c['p95_ms']:.2f} ms  max {c['max_ms']:.2f} ms;"
          f" whole window path p50 {c['window_path']['p50_ms']:.2f} ms  p95 {c['window_path']['p95_ms']:.2f} ms")
    if torch:
        print(f"PyTorch (same model): p50 {torch['p50_ms']:.2f} ms  p95 {torch['p95_ms']:.2f} ms  → C# is {report['pytorch_over_csharp_p50']}× faster at p50")
    l = report["listening"]
    print(f"listening at 1 s hop: {l['cpu_percent_of_one_core']}% of one core, RSS max {l['rss_mb_max']} MB")
    s = report["startup"]
    print(f"start-up to first window: median {s['first_window_ms_median']} ms (min {s['first_window_ms_min']} ms)")


if __name__ == "__main__":
    main()
