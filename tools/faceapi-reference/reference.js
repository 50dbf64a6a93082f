#!/usr/bin/env node
// Runs @vladmandic/face-api's own code (pure-JS tfjs, CPU backend) on raw RGB inputs and writes the
// reference outputs that the mer4j DJL port is compared against.
//   node reference.js DIR        reads DIR/inputs.json (written by FacesExactness inputs), writes DIR/reference.json
// Each input: {name, width, height, rgb (file of width*height*3 bytes), rgb_sha256, runs: [{inputSize, scoreThreshold}],
// fallbackBox?: [x, y, w, h]}. Outputs per input: detections of every run (pixel boxes, relative boxes, scores) and,
// for the best detection of the first run that has one (or fallbackBox), the face-api crop, the 68 landmarks in crop pixels and as
// face-api shifts them into the image, the 7 expression probabilities and the 256-d pooled features.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const MODELS = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
const LABELS = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];

async function main() {
  const dir = process.argv[2];
  if (!dir) { console.error('usage: node reference.js DIR'); process.exit(2); }
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(MODELS);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(MODELS);
  await faceapi.nets.faceExpressionNet.loadFromDisk(MODELS);
  const inputs = JSON.parse(fs.readFileSync(path.join(dir, 'inputs.json'), 'utf8'));
  const out = [];
  for (const input of inputs) {
    const bytes = fs.readFileSync(path.join(dir, input.rgb));
    if (bytes.length !== input.width * input.height * 3) throw new Error(`${input.rgb}: wrong size`);
    const image = tf.tensor3d(new Int32Array(bytes), [input.height, input.width, 3], 'int32');
    const entry = { ...input, backend: tf.getBackend(), tfjs: tf.version.tfjs, faceapi: faceapi.version, runs: [] };
    for (const run of input.runs) {
      const options = new faceapi.TinyFaceDetectorOptions({ inputSize: run.inputSize, scoreThreshold: run.scoreThreshold });
      const dets = await faceapi.nets.tinyFaceDetector.locateFaces(image, options);
      entry.runs.push({
        ...run,
        detections: dets.map((d) => ({
          score: d.score,
          box: [d.box.x, d.box.y, d.box.width, d.box.height],
          relative: [d.relativeBox.x, d.relativeBox.y, d.relativeBox.width, d.relativeBox.height],
        })),
      });
    }
    const first = entry.runs.map((r) => r.detections[0]).find((d) => d);
    const box = first ? first.box : input.fallbackBox;
    entry.face = null;
    if (box) {
      const rect = new faceapi.Rect(box[0], box[1], box[2], box[3]);
      const crop = rect.clipAtImageBorders(input.width, input.height);
      const [face] = await faceapi.extractFaceTensors(image, [rect]);
      const lm = await faceapi.nets.faceLandmark68Net.detectLandmarks(face);
      const shifted = lm.shiftBy(box[0], box[1]);
      const expr = await faceapi.nets.faceExpressionNet.predictExpressions(face);
      const netInput = await faceapi.toNetInput(face);
      const feats = faceapi.nets.faceExpressionNet.faceFeatureExtractor.forwardInput(netInput);
      entry.face = {
        source: first ? 'detection' : 'fallbackBox',
        box,
        crop: [crop.x, crop.y, crop.width, crop.height],
        landmarks_crop: lm.positions.flatMap((p) => [p.x, p.y]),
        landmarks_faceapi: shifted.positions.flatMap((p) => [p.x, p.y]),
        expressions: LABELS.map((l) => expr[l]),
        features: Array.from(feats.dataSync()),
      };
      feats.dispose();
      face.dispose();
    }
    image.dispose();
    out.push(entry);
    const f = entry.face;
    console.error(`${input.name}: ${entry.runs.map((r) => `${r.detections.length} det @${r.inputSize}`).join(', ')}`
      + (f ? `; top expression ${LABELS[f.expressions.indexOf(Math.max(...f.expressions))]}` : ''));
  }
  fs.writeFileSync(path.join(dir, 'reference.json'), JSON.stringify(out, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
