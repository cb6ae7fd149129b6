// Run an ONNX model with the official ONNX Runtime (onnxruntime-node) and print JSON results.
// Usage: NODE_PATH=training/.cache/ortnode/node_modules node training/verify_onnx.js MODEL.onnx INPUTS.f32 [THREADS] [BENCH_RUNS]
//   INPUTS.f32: raw little-endian float32, N x 48000 samples (N windows of 3 s @ 16 kHz)
// Prints {"inputs":[...],"outputs":[...],"metadata":{...},"probs":[[...],...],"latency_ms":{...}}
const fs = require('fs');
const ort = require('onnxruntime-node');
(async () => {
  const [model, inFile, threads = '1', benchRuns = '0'] = process.argv.slice(2);
  const sess = await ort.InferenceSession.create(model, {
    intraOpNumThreads: parseInt(threads), interOpNumThreads: 1, graphOptimizationLevel: 'all' });
  const buf = fs.readFileSync(inFile);
  const all = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  const W = 48000, n = all.length / W;
  const probs = [];
  for (let i = 0; i < n; i++) {
    const x = new ort.Tensor('float32', all.slice(i * W, (i + 1) * W), [1, W]);
    const out = await sess.run({ waveform: x });
    probs.push(Array.from(out.probs.data));
  }
  const res = { inputs: sess.inputNames, outputs: sess.outputNames, probs };
  try { res.metadata = sess.handler && sess.handler.metadata ? sess.handler.metadata : undefined; } catch (e) {}
  const runs = parseInt(benchRuns);
  if (runs > 0) {
    const x = new ort.Tensor('float32', all.slice(0, W), [1, W]);
    for (let i = 0; i < 20; i++) await sess.run({ waveform: x });
    const t = [];
    for (let i = 0; i < runs; i++) { const t0 = process.hrtime.bigint(); await sess.run({ waveform: x });
      t.push(Number(process.hrtime.bigint() - t0) / 1e6); }
    t.sort((a, b) => a - b);
    res.latency_ms = { threads: parseInt(threads), runs, p50: t[Math.floor(runs * 0.5)], p95: t[Math.floor(runs * 0.95)] };
  }
  console.log(JSON.stringify(res));
})().catch(e => { console.error(e); process.exit(1); });
