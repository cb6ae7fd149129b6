#!/usr/bin/env python3
"""Try dynamic int8 quantisation of the exported model and compare it with the float model (issue 3).

Python here has no onnxruntime (so no onnxruntime.quantization): this script writes the same graph the ORT dynamic
quantiser would, by hand, with standard ONNX ops:
  activations  -> DynamicQuantizeLinear (uint8, per-tensor scale/zero point computed at run time)
  weights      -> int8 symmetric per tensor (MatMul/Gemm) or uint8 with zero point 128 (Conv; ConvInteger is u8u8)
  MatMulInteger / ConvInteger -> Cast(float) -> Mul(activation scale * weight scale) [-> Add bias]
Then it runs both models with the official ONNX Runtime (verify_onnx.js) on every validation window: latency
(1 thread, the app's setting) and validation UAR.

Usage: /usr/bin/python3 training/quantize.py [--model models/orpheus-ser.onnx] [--variants matmul all matmul_learned all_learned]
  matmul: every MatMul/Gemm with constant weights (what ORT's quantize_dynamic does by default); all: also every Conv;
  *_learned: the same without the fixed DFT/mel projections of the front ends.
Writes training/.cache/quant/<variant>.onnx and training/results/quantization.json.
"""
import argparse, json, os, sys
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data import CACHE, load_index, load_audio, make_split, select, crop_eval
from train import metrics
from export import run_ort_file

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


FRONT_END = ("/mel/logmel/", "/oww/mel/")  # fixed DFT/mel projections: power spectra span ~100 dB, 8 bits cannot


def quantize(model, ops, skip_front_end=False):
    g = model.graph
    init = {t.name: t for t in g.initializer}
    # constant float tensors: float32 initializers, and float16 initializers behind a Cast (export.py stores weights so)
    const = {name: numpy_helper.to_array(t).astype(np.float32) for name, t in init.items()
             if t.data_type in (TensorProto.FLOAT, TensorProto.FLOAT16)}
    for n in g.node:
        if n.op_type == "Cast" and n.input[0] in init and init[n.input[0]].data_type == TensorProto.FLOAT16:
            const[n.output[0]] = numpy_helper.to_array(init[n.input[0]]).astype(np.float32)
    new_nodes, new_inits, drop = [], [], set()
    for n in g.node:
        w_name = n.input[1] if len(n.input) > 1 else None
        if n.op_type not in ops or w_name not in const or (skip_front_end and any(f in n.name for f in FRONT_END)):
            new_nodes.append(n)
            continue
        attrs = {a.name: helper.get_attribute_value(a) for a in n.attribute}
        w = const[w_name]
        bias = n.input[2] if len(n.input) > 2 and n.input[2] else None
        if n.op_type == "Gemm":
            if attrs.get("transA", 0) or attrs.get("alpha", 1.0) != 1.0 or attrs.get("beta", 1.0) != 1.0:
                new_nodes.append(n)
                continue
            if attrs.get("transB", 0):
                w = w.T
        p = n.name.replace("/", "_") or w_name
        a, out = n.input[0], n.output[0]
        aq, as_, az = p + "_aq", p + "_as", p + "_az"
        new_nodes.append(helper.make_node("DynamicQuantizeLinear", [a], [aq, as_, az], name=p + "_dql"))
        if n.op_type == "Conv":
            lo, hi = float(w.min()), float(w.max())
            ws = max(hi - lo, 1e-8) / 255.0
            wz = int(np.clip(np.round(-lo / ws), 0, 255))
            wq = np.clip(np.round(w / ws) + wz, 0, 255).astype(np.uint8)
            new_inits += [numpy_helper.from_array(wq, p + "_wq"), numpy_helper.from_array(np.array(wz, np.uint8), p + "_wz")]
            conv_attrs = {k: v for k, v in attrs.items()}
            new_nodes.append(helper.make_node("ConvInteger", [aq, p + "_wq", az, p + "_wz"], [p + "_y32"], name=p + "_ci", **conv_attrs))
        else:
            ws = max(float(np.abs(w).max()), 1e-8) / 127.0
            wq = np.clip(np.round(w / ws), -127, 127).astype(np.int8)
            new_inits += [numpy_helper.from_array(wq, p + "_wq"), numpy_helper.from_array(np.array(0, np.int8), p + "_wz")]
            new_nodes.append(helper.make_node("MatMulInteger", [aq, p + "_wq", az, p + "_wz"], [p + "_y32"], name=p + "_mmi"))
        new_inits.append(numpy_helper.from_array(np.array(ws, np.float32), p + "_ws"))
        new_nodes.append(helper.make_node("Cast", [p + "_y32"], [p + "_yf"], to=TensorProto.FLOAT, name=p + "_cast"))
        new_nodes.append(helper.make_node("Mul", [as_, p + "_ws"], [p + "_s"], name=p + "_scale"))
        scaled = p + "_ys" if bias else out
        new_nodes.append(helper.make_node("Mul", [p + "_yf", p + "_s"], [scaled], name=p + "_mul"))
        if bias:
            b = const[bias]
            if n.op_type == "Conv":
                b = b.reshape([1, -1] + [1] * (len(w.shape) - 2))
            new_inits.append(numpy_helper.from_array(b, p + "_b"))
            new_nodes.append(helper.make_node("Add", [scaled, p + "_b"], [out], name=p + "_bias"))
        drop.add(w_name)
    used = {i for nd in new_nodes for i in nd.input} | {o.name for o in g.output}
    while True:  # drop the Casts (and then initializers) nobody reads any more
        dead = [nd for nd in new_nodes if nd.op_type == "Cast" and all(o not in used for o in nd.output)]
        if not dead:
            break
        new_nodes = [nd for nd in new_nodes if nd not in dead]
        used = {i for nd in new_nodes for i in nd.input} | {o.name for o in g.output}
    keep = [t for t in g.initializer if t.name in used]
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    del g.node[:]
    g.node.extend(new_nodes)
    onnx.checker.check_model(model)
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(ROOT, "models", "orpheus-ser.onnx"))
    ap.add_argument("--variants", nargs="*", default=["matmul", "all", "matmul_learned", "all_learned"])
    ap.add_argument("--bench-runs", type=int, default=300)
    a = ap.parse_args()
    cfg = json.load(open(os.path.join(HERE, "config.json")))
    rows = load_index(); audio = load_audio()
    _, va = select(rows, make_split(rows, cfg["val_frac"], cfg["split_seed"]))
    qdir = os.path.join(CACHE, "quant"); os.makedirs(qdir, exist_ok=True)
    windows = os.path.join(qdir, "val_windows.f32")
    if not os.path.exists(windows):
        np.stack([crop_eval(audio, o, l) for o, l, *_ in va]).astype("<f4").tofile(windows)
    variants = {"float": a.model}
    ops = {"matmul": {"MatMul", "Gemm"}, "all": {"MatMul", "Gemm", "Conv"}}
    for v in a.variants:
        path = os.path.join(qdir, f"{v}.onnx")
        onnx.save(quantize(onnx.load(a.model), ops[v.split("_")[0]], skip_front_end=v.endswith("_learned")), path)
        variants[v] = path
    result = {}
    for v, path in variants.items():
        r = run_ort_file(path, windows, threads=1, bench=a.bench_runs)
        probs = np.array(r["probs"], np.float32)
        m = metrics(probs, va)
        result[v] = {"bytes": os.path.getsize(path), "p50_ms": r["latency_ms"]["p50"], "p95_ms": r["latency_ms"]["p95"],
                     "val_uar": m["uar"], "val_acc": m["acc"]}
        if v != "float":
            result[v]["max_abs_prob_diff_vs_float"] = float(np.abs(probs - result["float"]["_probs"]).max())
        result[v]["_probs"] = probs
        print(v, {k: x for k, x in result[v].items() if k != "_probs"}, flush=True)
    for v in result:
        del result[v]["_probs"]
    meta = {p.key: p.value for p in onnx.load(a.model).metadata_props}
    json.dump({"model": os.path.relpath(a.model, ROOT), "model_version": meta.get("version"), "windows": len(va),
               "threads": 1, "variants": result},
              open(os.path.join(HERE, "results", "quantization.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
