#!/usr/bin/env python3
"""Research only (issue 13, embedding-level adaptation): a COPY of the shipped model with the 7 members' 128-d hidden
vectors (the inputs of their last Gemm) as extra graph outputs, and the window list that calib_hidden.js runs it on.

Usage: /usr/bin/python3 training/calib_hidden.py [--model models/orpheus-ser.onnx]
       NODE_PATH=training/.cache/ortnode/node_modules node training/calib_hidden.js
Writes training/.cache/calib/hidden/{model.onnx,windows.json,heads.npz}; the JS step writes hidden.f32 + probs.f32.
Windows: every validation clip cut as ClipAnalyzer cuts it (as the C# dump), and one centred window per training clip.
"""
import argparse, csv, json, os, sys
import numpy as np
import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from data import CACHE, load_index, make_split  # noqa: E402
WIN, HOP = 48000, 16000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(HERE, "..", "models", "orpheus-ser.onnx"))
    a = ap.parse_args()
    out = os.path.join(CACHE, "calib", "hidden"); os.makedirs(out, exist_ok=True)
    m = onnx.load(a.model)
    g = m.graph
    inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    heads = {}
    finals = [n for n in g.node if n.op_type == "Gemm" and (n.name.endswith("head/head.1/Gemm") or n.name.endswith("out/out.3/Gemm"))]
    names = []
    for n in finals:
        names.append(n.input[0])
        heads[n.name + ".W"] = inits[n.input[1]]; heads[n.name + ".b"] = inits[n.input[2]]
        g.output.append(onnx.helper.make_tensor_value_info(n.input[0], onnx.TensorProto.FLOAT, None))
    # the fusion constants (hybrid-mean weight, oww weight)
    consts = {n.output[0]: numpy_helper.to_array(n.attribute[0].t) for n in g.node if n.op_type == "Constant" and n.output[0] in ("/Constant_2_output_0", "/Constant_3_output_0")}
    onnx.save(m, os.path.join(out, "model.onnx"))
    np.savez(os.path.join(out, "heads.npz"), names=np.array([n.name for n in finals]),
             w_hybrid=consts["/Constant_2_output_0"], w_oww=consts["/Constant_3_output_0"], **heads)

    cfg = json.load(open(os.path.join(HERE, "config.json")))
    rows = load_index(); split = make_split(rows, cfg["val_frac"], cfg["split_seed"])
    labels = ["neutral", "happy", "sad", "angry", "fearful", "surprised"]
    wins = []  # [set, clip row, offset, length, pad]
    for i, r in enumerate(rows):
        if r["label"] not in labels:
            continue
        o, l = int(r["offset"]), int(r["length"])
        if split[r["speaker"]] == "val":
            if l <= WIN:
                wins.append(["val", i, o, l, (WIN - l) // 2])
            else:
                last = l - WIN; s = 0
                while True:
                    s2 = min(s, last); wins.append(["val", i, o + s2, WIN, 0])
                    if s2 == last: break
                    s += HOP
        else:
            if l <= WIN:
                wins.append(["train", i, o, l, (WIN - l) // 2])
            else:
                wins.append(["train", i, o + (l - WIN) // 2, WIN, 0])
    json.dump({"outputs": ["probs"] + names, "windows": wins}, open(os.path.join(out, "windows.json"), "w"))
    print(f"{len(wins)} windows, hidden outputs: {names}")


if __name__ == "__main__":
    main()
