// Research only (issue 13): runs calib_hidden.py's model copy over its window list with ONNX Runtime (Node) and
// writes probs.f32 (N x 6) and hidden.f32 (N x 7 x 128). Usage: NODE_PATH=training/.cache/ortnode/node_modules node training/calib_hidden.js
const fs = require('fs'); const path = require('path');
const ort = require('onnxruntime-node');
(async () => {
  const dir = path.join(__dirname, '.cache', 'calib', 'hidden');
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'windows.json')));
  const sess = await ort.InferenceSession.create(path.join(dir, 'model.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const fd = fs.openSync(path.join(__dirname, '.cache', 'audio_i16.npy'), 'r');
  const HEADER = 128, W = 48000;
  const probsOut = fs.openSync(path.join(dir, 'probs.f32'), 'w'), hidOut = fs.openSync(path.join(dir, 'hidden.f32'), 'w');
  const raw = Buffer.alloc(W * 2);
  for (let i = 0; i < spec.windows.length; i++) {
    const [, , off, len, pad] = spec.windows[i];
    fs.readSync(fd, raw, 0, len * 2, HEADER + off * 2);
    const x = new Float32Array(W);
    for (let j = 0; j < len; j++) x[pad + j] = raw.readInt16LE(j * 2) / 32768;
    const out = await sess.run({ waveform: new ort.Tensor('float32', x, [1, W]) });
    fs.writeSync(probsOut, Buffer.from(out.probs.data.buffer));
    for (const name of spec.outputs.slice(1)) fs.writeSync(hidOut, Buffer.from(new Float32Array(out[name].data).buffer));
    if (i % 1000 === 0) console.error(`${i}/${spec.windows.length}`);
  }
  fs.closeSync(probsOut); fs.closeSync(hidOut);
})().catch(e => { console.error(e); process.exit(1); });
