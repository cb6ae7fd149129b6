#!/usr/bin/env python3
"""The condition sets through the app's own C# path: `orpheus eval --manifest <set>/manifest.csv --json` for each
set of make_condition_sets.py (clean, room, music10, music0), with the shipped model (or --model FILE), with
`--no-reference`: the music sets' `reference` column would run the app's echo canceller, and these are the "no
cancellation" numbers (docs/echo-cancellation.md has the cancelled ones).

Usage: /usr/bin/python3 training/csharp_conditions.py [--model models/orpheus-ser.onnx] [--out csharp_conditions.json]
       (build first: dotnet build src/OrpheusLive -c Release)
Writes training/results/<out> ({set: eval report, "drop_points": clean UAR - set UAR}) and, for the clean set and
the shipped model, training/results/csharp_eval.json (what report.py puts in the model card).
"""
import argparse, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from data import CACHE

SETS = ["clean", "room", "music10", "music0"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="ONNX file (default: the app's Model:Path, models/orpheus-ser.onnx)")
    ap.add_argument("--sets", nargs="+", default=SETS)
    ap.add_argument("--out", default="csharp_conditions.json")
    ap.add_argument("--app", default=os.path.join(ROOT, "src", "OrpheusLive", "bin", "Release", "net10.0"))
    a = ap.parse_args()
    res = {}
    for name in a.sets:
        manifest = os.path.join(CACHE, "conditions", name, "manifest.csv")
        cmd = ["dotnet", os.path.join(a.app, "orpheus.dll"), "eval", "--manifest", manifest, "--json",
               "--no-reference", "--Log:ConsoleLevel=Warning"] + ([f"--Model:Path={os.path.abspath(a.model)}"] if a.model else [])
        t0 = time.time()
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            raise SystemExit(f"orpheus eval failed on {name}: {out.stderr.strip()[-500:]}")
        rep = json.loads(out.stdout.strip().splitlines()[-1])
        rep["seconds"] = round(time.time() - t0, 1)
        res[name] = rep
        print(f"{name}: UAR {100 * rep['uar']:.1f} %, accuracy {100 * rep['accuracy']:.1f} % "
              f"({rep['n']} clips, {rep['skipped']} skipped, {rep['seconds']} s)", flush=True)
        if name == "clean" and a.model is None:
            json.dump({k: v for k, v in rep.items() if k != "seconds"},
                      open(os.path.join(HERE, "results", "csharp_eval.json"), "w"))
    if "clean" in res:
        for name in res:
            res[name]["drop_points"] = round(100 * (res["clean"]["uar"] - res[name]["uar"]), 2)
    res["method"] = ("orpheus eval --json (C#, ONNX Runtime, the live windowing path: clips shorter than 3 s centred in "
                     "one window, longer ones averaged over the speech windows of a 1 s hop); no echo cancellation")
    res["model"] = a.model or "models/orpheus-ser.onnx"
    json.dump(res, open(os.path.join(HERE, "results", a.out), "w"), indent=1)


if __name__ == "__main__":
    main()
