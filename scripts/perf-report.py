#!/usr/bin/env python3
"""Measures what docs/performance.md reports, in one run, on this machine:

  * the machine: CPU model (lscpu), cores, load average before and after (these machines are shared);
  * per-window latency p50/p95/max of the shipped model in C# (`orpheus bench`) and of the same model in PyTorch
    (training/bench_torch.py, when the training checkpoint and Debian's python3-torch are present), and their ratio;
  * the ratio that holds on any machine: C# window latency over the latency of the seed's wav2vec2-base encoder
    (torchaudio.models.wav2vec2_base(), random weights: the same cost as the trained one) on the same 3 s window,
    1 thread each (OPENBLAS_NUM_THREADS=1, torch.set_num_threads(1)), measured in alternating rounds so load spikes
    hit both alike (needs Debian's python3-torch + python3-torchaudio + libopenblas0-pthread; skipped otherwise);
  * with --baseline DIR: the same `orpheus bench` of another build (e.g. main before a change), alternating with this
    one round by round, and the after/before ratios of each round (a regression check that survives a busy machine);
  * CPU use and RSS while listening in real time at a 1 s hop (the demo input, as a microphone would deliver it);
  * start-up time to the first window (process start → first `listen --json` line, file input read fast).

Usage: scripts/perf-report.py [--app DIR] [--baseline DIR] [--rounds N] [--json]
       (build first: dotnet build src/OrpheusLive -c Release)
"""
import argparse, json, os, resource, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def orpheus(app, *args):
    return ["dotnet", os.path.join(app, "orpheus.dll"), *args]


def bench_csharp(app, windows=500, warmup=50):
    out = subprocess.run(orpheus(app, "bench", "--windows", str(windows), "--warmup", str(warmup), "--json"),
                         capture_output=True, text=True, check=True, cwd=app).stdout
    return json.loads(out)


def bench_with_cpu(app):
    """`orpheus bench` (200 timed windows) plus the CPU time (user + system, all threads) one window costs: model +
    whole window path.

    Two runs that differ only in 200 extra warm-up windows (each one Classify + Analyze, like a timed one); the
    CPU-time difference over 200. Start-up, model load and JIT cancel out, and CPU time, unlike wall time, barely moves
    when other jobs share the cores, so it is the figure to compare builds with on a busy machine."""
    def run(warmup):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = bench_csharp(app, windows=200, warmup=warmup)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return result, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    _, cpu_short = run(0)
    result, cpu_long = run(200)
    result["cpu_ms_per_window"] = round((cpu_long - cpu_short) * 1000 / 200, 2)
    return result


def percentile(sorted_ms, p):
    return sorted_ms[max(0, -(-len(sorted_ms) * p // 100) - 1)]  # nearest rank, as the C# bench


def wav2vec2_worker(windows, warmup):
    """Runs under /usr/bin/python3: wav2vec2-base (random weights) on one 3 s window, 1 thread; prints JSON."""
    import torch, torchaudio
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = torchaudio.models.wav2vec2_base().eval()
    x = 0.1 * torch.randn(1, 48000)
    times = []
    with torch.no_grad():
        for i in range(warmup + windows):
            if i == warmup:
                cpu0 = time.process_time()
            t0 = time.perf_counter()
            model(x)
            if i >= warmup:
                times.append((time.perf_counter() - t0) * 1000)
        cpu_ms = (time.process_time() - cpu0) * 1000 / windows
    times.sort()
    print(json.dumps({"p50_ms": round(percentile(times, 50), 2), "p95_ms": round(percentile(times, 95), 2),
                      "cpu_ms_per_window": round(cpu_ms, 2),
                      "windows": windows, "threads": 1, "torch": torch.__version__,
                      "parameters_m": round(sum(p.numel() for p in model.parameters()) / 1e6, 1)}))


def bench_wav2vec2(windows=10, warmup=2):
    if not os.path.exists("/usr/bin/python3"):
        return None
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    r = subprocess.run(["/usr/bin/python3", os.path.abspath(__file__), "--wav2vec2-worker", str(windows), str(warmup)],
                       capture_output=True, text=True, env=env, cwd=ROOT)
    if r.returncode != 0:
        print("wav2vec2-base reference skipped: " + (r.stderr.strip().splitlines() or ["failed"])[-1], file=sys.stderr)
        return None
    return json.loads(r.stdout)


def cpu_model():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def rounds_report(app, baseline, rounds):
    """Alternates this build's bench, the wav2vec2-base reference and (optionally) the baseline build's bench."""
    per_round = []
    for _ in range(rounds):
        r = {"csharp": bench_with_cpu(app)}
        ref = bench_wav2vec2()
        if ref:
            r["wav2vec2_base"] = ref
            r["wav2vec2_over_csharp_p50"] = round(ref["p50_ms"] / r["csharp"]["p50_ms"], 2)
            # Conservative: the reference encoder alone against our whole window path (speech gate + model).
            r["wav2vec2_cpu_over_csharp_window_cpu"] = round(ref["cpu_ms_per_window"] / r["csharp"]["cpu_ms_per_window"], 2)
        if baseline:
            r["baseline"] = bench_with_cpu(baseline)
            r["after_over_before_p50"] = round(r["csharp"]["p50_ms"] / r["baseline"]["p50_ms"], 3)
            r["after_over_before_window_path_p50"] = round(
                r["csharp"]["window_path"]["p50_ms"] / r["baseline"]["window_path"]["p50_ms"], 3)
            r["after_over_before_cpu_per_window"] = round(r["csharp"]["cpu_ms_per_window"] / r["baseline"]["cpu_ms_per_window"], 3)
        per_round.append(r)
    summary = {"rounds": per_round}
    for key in ("wav2vec2_over_csharp_p50", "wav2vec2_cpu_over_csharp_window_cpu", "after_over_before_p50",
                "after_over_before_window_path_p50", "after_over_before_cpu_per_window"):
        values = [r[key] for r in per_round if key in r]
        if values:
            summary[key + "_median"] = round(statistics.median(values), 3)
            summary[key + "_range"] = [min(values), max(values)]
    return summary


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
    if len(sys.argv) == 4 and sys.argv[1] == "--wav2vec2-worker":
        wav2vec2_worker(int(sys.argv[2]), int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", default=os.path.join(ROOT, "src", "OrpheusLive", "bin", "Release", "net10.0"))
    ap.add_argument("--baseline", help="another build's app folder to compare with, round by round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    report = {"machine": {"cpu": cpu_model(), "cores": os.cpu_count(), "load_average_start": [round(x, 1) for x in os.getloadavg()]}}
    report["csharp"] = bench_csharp(a.app)
    report["same_run"] = rounds_report(a.app, a.baseline, a.rounds)
    torch = bench_torch()
    if torch:
        report["pytorch"] = torch
        report["pytorch_over_csharp_p50"] = round(torch["p50_ms"] / report["csharp"]["p50_ms"], 1)
    report["listening"] = listen_realtime(a.app)
    report["startup"] = startup(a.app)
    report["machine"]["load_average_end"] = [round(x, 1) for x in os.getloadavg()]
    if a.json:
        print(json.dumps(report, indent=1))
        return
    m = report["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores, load average {m['load_average_start'][0]} → {m['load_average_end'][0]}")
    c = report["csharp"]
    print(f"C# (ONNX Runtime):   window → probabilities p50 {c['p50_ms']:.2f} ms  p95 {c['p95_ms']:.2f} ms  max {c['max_ms']:.2f} ms;"
          f" whole window path p50 {c['window_path']['p50_ms']:.2f} ms  p95 {c['window_path']['p95_ms']:.2f} ms")
    if torch:
        print(f"PyTorch (same model): p50 {torch['p50_ms']:.2f} ms  p95 {torch['p95_ms']:.2f} ms  → C# is {report['pytorch_over_csharp_p50']}× faster at p50")
    same = report["same_run"]
    if "wav2vec2_over_csharp_p50_median" in same:
        ref = same["rounds"][0]["wav2vec2_base"]
        print(f"wav2vec2-base (torchaudio, random weights, 1 thread): p50 {ref['p50_ms']:.1f} ms → the C# model is "
              f"{same['wav2vec2_over_csharp_p50_median']}× faster (median of {len(same['rounds'])} alternating rounds, "
              f"range {same['wav2vec2_over_csharp_p50_range']}); CPU time: the encoder alone costs "
              f"{same['wav2vec2_cpu_over_csharp_window_cpu_median']}× our whole window path")
    if "after_over_before_p50_median" in same:
        print(f"this build / baseline: model p50 ×{same['after_over_before_p50_median']} (range {same['after_over_before_p50_range']}), "
              f"whole window path p50 ×{same['after_over_before_window_path_p50_median']} (range {same['after_over_before_window_path_p50_range']}), "
              f"CPU time per window ×{same['after_over_before_cpu_per_window_median']} (range {same['after_over_before_cpu_per_window_range']})")
    l = report["listening"]
    print(f"listening at 1 s hop: {l['cpu_percent_of_one_core']}% of one core, RSS max {l['rss_mb_max']} MB")
    s = report["startup"]
    print(f"start-up to first window: median {s['first_window_ms_median']} ms (min {s['first_window_ms_min']} ms)")


if __name__ == "__main__":
    main()
