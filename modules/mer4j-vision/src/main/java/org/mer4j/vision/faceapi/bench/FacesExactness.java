package org.mer4j.vision.faceapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.face.FaceDetection;
import org.mer4j.vision.face.FaceLandmarks;
import org.mer4j.vision.face.RgbImage;
import org.mer4j.vision.faceapi.FaceApiModels;
import org.mer4j.vision.faceapi.FaceNetEngine;
import org.mer4j.vision.faceapi.FaceCrop;
import org.mer4j.vision.faceapi.FaceExpressionNet;
import org.mer4j.vision.faceapi.Landmark68Net;
import org.mer4j.vision.faceapi.TinyFaceDetector;
import org.mer4j.vision.faceapi.TinyFaceDetectorOptions;

/**
 * Compares mer4j's face-api nets (ONNX Runtime, the default engine) with the package's own JavaScript
 * (tools/faceapi-reference) on identical raw RGB inputs.
 *
 * <pre>
 *   FacesExactness inputs DIR [SYNTHETIC_PNG]   write DIR/inputs.json and the raw RGB inputs for the Node script
 *   FacesExactness compare DIR OUT_JSON         run the ports on DIR's inputs, diff against DIR/reference.json
 * </pre>
 *
 * Box differences are reported in normalised units (box / image width or height), also in
 * pixels; landmarks in pixels of the image; expression probabilities and the 256-d features as is.
 */
public final class FacesExactness {
    /** Frame of the RAVDESS clip used as the real-face input. */
    public static final int RAVDESS_FRAME = 45;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FacesExactness() {
    }

    /** Largest absolute differences for one input (or the maximum over several). */
    public record Diffs(double boxNormalised, double boxPixels, double score, double landmarks, double probabilities,
            double features, double landmarksVsFaceApiShift, String problems) {
        static final Diffs ZERO = new Diffs(0, 0, 0, 0, 0, 0, 0, "");

        Diffs max(Diffs o) {
            return new Diffs(Math.max(boxNormalised, o.boxNormalised), Math.max(boxPixels, o.boxPixels),
                    Math.max(score, o.score), Math.max(landmarks, o.landmarks), Math.max(probabilities, o.probabilities),
                    Math.max(features, o.features), Math.max(landmarksVsFaceApiShift, o.landmarksVsFaceApiShift),
                    (problems + " " + o.problems).trim());
        }
    }

    /** The loaded ports; one detector per input size. */
    public static final class Models implements AutoCloseable {
        private final FaceApiModels models;
        private final Map<String, TinyFaceDetector> detectors = new LinkedHashMap<>();
        final Landmark68Net landmarks;
        final FaceExpressionNet expressions;

        public Models(FaceApiModels models) {
            this.models = models;
            landmarks = new Landmark68Net(models);
            expressions = new FaceExpressionNet(models);
        }

        TinyFaceDetector detector(int inputSize, double scoreThreshold) {
            return detectors.computeIfAbsent(inputSize + "/" + scoreThreshold,
                    k -> new TinyFaceDetector(models, TinyFaceDetectorOptions.of(inputSize, scoreThreshold)));
        }

        @Override
        public void close() {
            detectors.values().forEach(TinyFaceDetector::close);
            landmarks.close();
            expressions.close();
        }
    }

    /** Runs the ports on {@code image} and compares with one entry of reference.json. */
    public static Diffs compare(JsonNode ref, RgbImage image, Models m) {
        StringBuilder problems = new StringBuilder();
        String sha = sha256(image.rgb());
        if (ref.has("rgb_sha256") && !ref.get("rgb_sha256").asText().equals(sha)) {
            problems.append(ref.get("name").asText()).append(": input pixels differ from the reference's; ");
        }
        double boxN = 0, boxP = 0, score = 0;
        for (JsonNode run : ref.get("runs")) {
            List<FaceDetection> ours = m.detector(run.get("inputSize").asInt(), run.get("scoreThreshold").asDouble()).detect(image);
            JsonNode theirs = run.get("detections");
            if (ours.size() != theirs.size()) {
                problems.append(ref.get("name").asText()).append(" @").append(run.get("inputSize").asInt())
                        .append(": ").append(ours.size()).append(" detections vs ").append(theirs.size()).append("; ");
            }
            for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
                FaceDetection d = ours.get(i);
                JsonNode b = theirs.get(i).get("box");
                double[] o = {d.x(), d.y(), d.width(), d.height()};
                for (int k = 0; k < 4; k++) {
                    double diff = Math.abs(o[k] - b.get(k).asDouble());
                    boxP = Math.max(boxP, diff);
                    boxN = Math.max(boxN, diff / (k % 2 == 0 ? image.width() : image.height()));
                }
                score = Math.max(score, Math.abs(d.score() - theirs.get(i).get("score").asDouble()));
            }
        }
        JsonNode face = ref.get("face");
        double lm = 0, prob = 0, feat = 0, shift = 0;
        if (face != null && !face.isNull()) {
            JsonNode b = face.get("box");
            FaceDetection box = new FaceDetection(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble(), 1);
            FaceCrop crop = FaceCrop.of(box, image.width(), image.height());
            JsonNode rc = face.get("crop");
            if (crop.x() != rc.get(0).asInt() || crop.y() != rc.get(1).asInt() || crop.width() != rc.get(2).asInt()
                    || crop.height() != rc.get(3).asInt()) {
                problems.append(ref.get("name").asText()).append(": crop ").append(crop).append(" differs; ");
            }
            FaceLandmarks l = m.landmarks.locate(image, box);
            JsonNode rl = face.get("landmarks_crop");
            for (int k = 0; k < 136; k++) {
                double ours = l.xy()[k] - (k % 2 == 0 ? crop.x() : crop.y());
                lm = Math.max(lm, Math.abs(ours - rl.get(k).asDouble()));
                shift = Math.max(shift, Math.abs(l.xy()[k] - face.get("landmarks_faceapi").get(k).asDouble()));
            }
            ExpressionOutput e = m.expressions.classify(crop.extract(image));
            JsonNode rp = face.get("expressions");
            for (int k = 0; k < 7; k++) {
                prob = Math.max(prob, Math.abs(e.probabilities()[k] - rp.get(k).asDouble()));
            }
            JsonNode rf = face.get("features");
            if (rf != null) {
                for (int k = 0; k < rf.size(); k++) {
                    feat = Math.max(feat, Math.abs(e.embedding()[k] - rf.get(k).asDouble()));
                }
            }
        }
        return new Diffs(boxN, boxP, score, lm, prob, feat, shift, problems.toString().trim());
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PNG into RGB bytes. */
    public static RgbImage readPng(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException("not an image: " + png);
        }
        int w = img.getWidth(), h = img.getHeight();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("inputs")) {
            Path dir = Path.of(args[1]);
            Path png = args.length > 2 ? Path.of(args[2])
                    : Path.of(System.getProperty("mer4j.home", "."), "modules/mer4j-vision/src/test/resources/faceapi/synthetic.png");
            writeInputs(dir, png);
        } else if (args.length == 3 && args[0].equals("compare")) {
            compareAll(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: FacesExactness inputs DIR [SYNTHETIC_PNG] | compare DIR OUT_JSON");
            System.exit(2);
        }
    }

    private static void writeInputs(Path dir, Path png) throws IOException {
        Files.createDirectories(dir);
        ArrayNode list = JSON.createArrayNode();
        var clip = ClipFrames.ravdessClip();
        if (clip.isPresent()) {
            RgbImage frame = ClipFrames.frame(clip.get(), RAVDESS_FRAME);
            list.add(input(dir, "ravdess-01-01-08-02-01-01-19-f" + RAVDESS_FRAME, frame, new int[] {416, 224}, 0.5, null));
        } else {
            System.err.println("shared data absent: RAVDESS input skipped");
        }
        RgbImage synth = readPng(png);
        list.add(input(dir, "synthetic", synth, new int[] {416, 320}, 0.1, new double[] {112, 52, 116, 146}));
        JSON.writeValue(dir.resolve("inputs.json").toFile(), list);
        System.err.println("wrote " + list.size() + " inputs to " + dir);
    }

    private static ObjectNode input(Path dir, String name, RgbImage img, int[] sizes, double threshold, double[] fallbackBox)
            throws IOException {
        Files.write(dir.resolve(name + ".rgb"), img.rgb());
        ObjectNode n = JSON.createObjectNode();
        n.put("name", name);
        n.put("width", img.width());
        n.put("height", img.height());
        n.put("rgb", name + ".rgb");
        n.put("rgb_sha256", sha256(img.rgb()));
        ArrayNode runs = n.putArray("runs");
        for (int s : sizes) {
            runs.addObject().put("inputSize", s).put("scoreThreshold", threshold);
        }
        if (fallbackBox != null) {
            ArrayNode b = n.putArray("fallbackBox");
            for (double v : fallbackBox) {
                b.add(v);
            }
        }
        return n;
    }

    private static void compareAll(Path dir, Path out) throws IOException {
        JsonNode refs = JSON.readTree(dir.resolve("reference.json").toFile());
        FaceApiModels models = FaceApiModels.locate();
        models.problem().ifPresent(p -> {
            throw new IllegalStateException(p);
        });
        ObjectNode result = JSON.createObjectNode();
        ArrayNode per = JSON.createArrayNode();
        Diffs all = Diffs.ZERO;
        try (Models m = new Models(models)) {
            for (JsonNode ref : refs) {
                byte[] rgb = Files.readAllBytes(dir.resolve(ref.get("rgb").asText()));
                RgbImage img = new RgbImage(ref.get("width").asInt(), ref.get("height").asInt(), rgb);
                Diffs d = compare(ref, img, m);
                all = all.max(d);
                ObjectNode o = per.addObject();
                o.put("name", ref.get("name").asText());
                put(o, d);
            }
            result.put("detector_box_max_abs", all.boxNormalised());
            result.put("detector_box_units", "normalised by image width/height");
            result.put("detector_box_max_abs_px", all.boxPixels());
            result.put("detector_score_max_abs", all.score());
            result.put("landmarks_max_abs", all.landmarks());
            result.put("landmarks_units", "pixels, relative to the face crop");
            result.put("landmarks_vs_faceapi_shift_max_abs", all.landmarksVsFaceApiShift());
            result.put("landmarks_vs_faceapi_shift_note", "image-pixel landmarks: ours add the floored, clipped crop origin, "
                    + "face-api adds the raw box corner (informational, not an error of the port)");
            result.put("expression_prob_max_abs", all.probabilities());
            result.put("expression_features_max_abs", all.features());
            result.put("problems", all.problems());
            result.set("inputs", per);
            int threads = FaceNetEngine.onnxRuntimeThreads();
            ObjectNode timing = JSON.createObjectNode();
            timing.put("note", "median ms per call incl. preprocessing, 640x480 frame, ONNX Runtime CPU (face.engine default); load average at start "
                    + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            timing.set("onnxruntime_threads_" + threads, timings(m));
            result.set("timings_ms", timing);
        }
        result.put("reference", "@vladmandic/face-api@" + FaceApiModels.VERSION + " on @tensorflow/tfjs (cpu backend)");
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), result);
        System.out.println(JSON.writeValueAsString(result));
    }

    private static void put(ObjectNode o, Diffs d) {
        o.put("detector_box_max_abs", d.boxNormalised());
        o.put("detector_box_max_abs_px", d.boxPixels());
        o.put("detector_score_max_abs", d.score());
        o.put("landmarks_max_abs", d.landmarks());
        o.put("expression_prob_max_abs", d.probabilities());
        o.put("expression_features_max_abs", d.features());
        o.put("landmarks_vs_faceapi_shift_max_abs", d.landmarksVsFaceApiShift());
        o.put("problems", d.problems());
    }

    /** Median milliseconds per call on a 640x480 frame (one face) after a warm-up. */
    static ObjectNode timings(Models m) {
        RgbImage img = syntheticFrame(640, 480);
        FaceDetection face = new FaceDetection(240, 140, 160, 200, 1);
        ObjectNode t = JSON.createObjectNode();
        t.put("detector_416_640x480", median(() -> m.detector(416, 0.5).detect(img)));
        t.put("detector_320_640x480", median(() -> m.detector(320, 0.5).detect(img)));
        t.put("detector_224_640x480", median(() -> m.detector(224, 0.5).detect(img)));
        t.put("landmarks_1_face", median(() -> m.landmarks.locate(img, face)));
        t.put("landmarks_4_faces_batch", median(() -> m.landmarks.locateAll(img, List.of(face, face, face, face))));
        RgbImage crop = FaceCrop.of(face, 640, 480).extract(img);
        t.put("expression_1_face", median(() -> m.expressions.classify(crop)));
        t.put("expression_4_faces_batch", median(() -> m.expressions.classifyAll(List.of(crop, crop, crop, crop))));
        return t;
    }

    private static double median(Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        int n = 15;
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return Math.round(ms[n / 2] * 100) / 100.0;
    }

    /** A deterministic smooth test pattern. */
    static RgbImage syntheticFrame(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (x * 255 / w);
                rgb[o + 1] = (byte) (y * 255 / h);
                rgb[o + 2] = (byte) ((x + y) & 0xff);
            }
        }
        return new RgbImage(w, h, rgb);
    }
}
