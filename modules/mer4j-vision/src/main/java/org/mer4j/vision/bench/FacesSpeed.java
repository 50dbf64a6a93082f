package org.mer4j.vision.bench;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.VideoFrame;
import org.mer4j.vision.features.FaceCropHogConfig;
import org.mer4j.vision.features.FaceCropHogProvider;
import org.mer4j.vision.features.FaceExpressionConfig;
import org.mer4j.vision.features.FaceExpressionProvider;
import org.mer4j.vision.features.FaceGeometryConfig;
import org.mer4j.vision.features.FaceGeometryProvider;
import org.mer4j.vision.features.FaceLandmarksConfig;
import org.mer4j.vision.features.FaceLandmarksProvider;
import org.mer4j.vision.face.ExpressionOutput;
import org.mer4j.vision.pipeline.FaceFramePipeline;
import org.mer4j.vision.pipeline.FaceModelLoader;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FaceObservation;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * Speed benchmark of the face pipeline (used by {@code tools/bench/faces-speed.sh}): decodes a
 * video scaled to 640x480 BGR (bilinear) with JavaCV/FFmpeg on one thread and runs detection +
 * tracking + alignment + the face features on another (a bounded queue of 8 frames between them),
 * or both on one thread ({@code --one-thread true}). With {@code --ffmpeg PATH} every repetition
 * first runs the reference, {@code ffmpeg -i VIDEO -vf scale=W:H:flags=bilinear -pix_fmt bgr24 -f null -}
 * (the same decode, scaling and pixel conversion the pipeline gets, ffmpeg's default threads or
 * {@code --ffmpeg-threads N}), so the two sides alternate under the same machine load. The first
 * {@code --warmup} repetitions (default 1: JIT, model loading, page cache) are run and left out of the
 * medians. Prints one JSON object with the per-repetition frames per second of both sides, their
 * medians and ratio, the resident set size sampled during the passes (VmRSS) and the peak (VmHWM)
 * from {@code /proc/self/status}.
 *
 * <p>Usage: {@code FacesSpeed VIDEO [--reps N] [--warmup N] [--models auto|haar] [--engine onnxruntime|pytorch]
 * [--detect-every K] [--landmark-every K] [--expression-every K] [--feature-thread true] [--accuracy true]
 * [--width W --height H] [--one-thread true] [--ffmpeg PATH [--ffmpeg-threads N]] [--decode-only true]}.
 * {@code --decode-only true} measures mer4j's decoding alone (the ceiling of the pipeline's rate).
 * {@code --models haar} forces the fallback (Haar + face-crop-hog); {@code auto} adds face-geometry,
 * face-landmarks and face-expression when the face-api weights are installed.
 */
public final class FacesSpeed {
    /** The detection interval of the accuracy reference (the face pipeline's default). */
    static final int REFERENCE_DETECT_EVERY = 5;
    private static final VideoFrame END = new VideoFrame(0, -1, 1, 1, new byte[3]);

    private FacesSpeed() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FacesSpeed VIDEO [--reps N] [--models auto|haar] [--detect-every K] [--width W --height H]");
            System.exit(2);
        }
        Path video = Path.of(args[0]);
        int reps = 3;
        String models = "auto";
        int detectEvery = 5;
        int width = 640;
        int height = 480;
        boolean decodeOnly = false;
        boolean oneThread = false;
        int warmup = 1;
        String engine = null;
        String ffmpeg = null;
        int ffmpegThreads = 0;
        int landmarkEvery = 1;
        int expressionEvery = 1;
        boolean accuracy = false;
        boolean featureThread = false;
        for (int i = 1; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(v);
                case "--models" -> models = v;
                case "--detect-every" -> detectEvery = Integer.parseInt(v);
                case "--width" -> width = Integer.parseInt(v);
                case "--height" -> height = Integer.parseInt(v);
                case "--decode-only" -> decodeOnly = Boolean.parseBoolean(v);
                case "--one-thread" -> oneThread = Boolean.parseBoolean(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--engine" -> engine = v;
                case "--ffmpeg" -> ffmpeg = v;
                case "--ffmpeg-threads" -> ffmpegThreads = Integer.parseInt(v);
                case "--landmark-every" -> landmarkEvery = Integer.parseInt(v);
                case "--expression-every" -> expressionEvery = Integer.parseInt(v);
                case "--accuracy" -> accuracy = Boolean.parseBoolean(v);
                case "--feature-thread" -> featureThread = Boolean.parseBoolean(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(video)) {
            throw new IllegalArgumentException("no video file at " + video);
        }
        FacePipelineConfig face = FacePipelineConfig.defaults().withDetectEvery(detectEvery);
        face = new FacePipelineConfig(face.haar(), face.detectEvery(), face.detectWidth(), face.minScore(), face.tracking(),
                face.cropSize(), face.alignEyesOnly(), face.margin(), null, face.exportFormat(), face.modelsDir(), engine, landmarkEvery, expressionEvery, featureThread);
        if (models.equals("haar")) {
            Path none = Files.createTempDirectory("mer4j-no-face-api");
            face = new FacePipelineConfig(face.haar(), face.detectEvery(), face.detectWidth(), face.minScore(), face.tracking(),
                    face.cropSize(), face.alignEyesOnly(), face.margin(), null, face.exportFormat(), none.toString(), face.engine(), landmarkEvery, expressionEvery, featureThread);
        }
        boolean full = FaceModelLoader.locate(face).isInstalled();
        List<FeatureExtractor> extractors = new ArrayList<>();
        if (!decodeOnly) {
            extractors.add(new FaceCropHogProvider().create(new FaceCropHogConfig(face, 64, 16, 9)));
        }
        if (full && !decodeOnly) {
            extractors.add(new FaceGeometryProvider().create(new FaceGeometryConfig(face, true)));
            extractors.add(new FaceLandmarksProvider().create(new FaceLandmarksConfig(face)));
            extractors.add(new FaceExpressionProvider().create(new FaceExpressionConfig(face, false)));
        }
        List<String> names = extractors.stream().map(FeatureExtractor::name).toList();
        List<Double> fps = new ArrayList<>();
        List<Double> refFps = new ArrayList<>();
        List<Long> rssSamples = new ArrayList<>();
        int frames = 0;
        double validFraction = 0;
        for (int r = 0; r < warmup + reps; r++) {
            boolean counted = r >= warmup;
            double refSeconds = ffmpeg == null ? 0 : reference(ffmpeg, ffmpegThreads, video, width, height);
            long t0 = System.nanoTime();
            int[] count = new int[1];
            double[] valid = new double[1];
            run(video, width, height, extractors, count, valid, rssSamples, oneThread);
            double s = (System.nanoTime() - t0) / 1e9;
            frames = count[0];
            validFraction = valid[0];
            if (counted) {
                fps.add(frames / s);
                if (ffmpeg != null) {
                    refFps.add(frames / refSeconds);
                }
            }
            System.err.printf(Locale.ROOT, "faces-speed: %s %d: %d frames in %.2f s = %.1f fps%s, face in %.3f of frames%n",
                    counted ? "rep" : "warm-up", r + 1, frames, s, frames / s,
                    ffmpeg == null ? "" : String.format(Locale.ROOT, " (ffmpeg %.1f fps)", frames / refSeconds), validFraction);
        }
        for (FeatureExtractor e : extractors) {
            e.close();
        }
        String acc = accuracy && full ? accuracy(video, width, height, face) : null;
        StringBuilder sb = new StringBuilder();
        sb.append("{\"frames\": ").append(frames)
                .append(", \"width\": ").append(width).append(", \"height\": ").append(height)
                .append(", \"backend\": \"").append(decodeOnly ? "none (decode only)" : full ? "face-api" : "haar-fallback").append('"')
                .append(", \"detect_every\": ").append(detectEvery)
                .append(", \"extractors\": ").append(names.stream().map(n -> "\"" + n + "\"").toList())
                .append(", \"face_fraction\": ").append(String.format(Locale.ROOT, "%.4f", validFraction))
                .append(", \"engine\": \"").append(face.engine()).append('"')
                .append(", \"landmark_every\": ").append(face.landmarkEvery())
                .append(", \"expression_every\": ").append(face.expressionEvery())
                .append(", \"feature_thread\": ").append(face.featureThread())
                .append(acc == null ? "" : ", \"accuracy_vs_every_frame_pytorch\": " + acc)
                .append(", \"one_thread\": ").append(oneThread)
                .append(", \"warmup_reps\": ").append(warmup)
                .append(", \"pipeline_fps\": ").append(String.format(Locale.ROOT, "%.2f", median(fps)))
                .append(", \"pipeline_fps_reps\": ").append(fps.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList())
                .append(ffmpeg == null ? "" : ", \"ffmpeg_threads\": " + (ffmpegThreads == 0 ? "\"default\"" : ffmpegThreads)
                        + String.format(Locale.ROOT, ", \"ffmpeg_fps\": %.2f, \"ratio\": %.4f", median(refFps), median(fps) / median(refFps))
                        + ", \"ffmpeg_fps_reps\": " + refFps.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList())
                .append(", \"rss_mb_samples\": ").append(rssSamples.stream().map(v -> String.format(Locale.ROOT, "%.1f", v / 1024.0)).toList())
                .append(", \"peak_rss_mb\": ").append(String.format(Locale.ROOT, "%.1f", status("VmHWM") / 1024.0))
                .append('}');
        System.out.println(sb);
    }

    private static void run(Path video, int width, int height, List<FeatureExtractor> extractors, int[] count, double[] valid,
                            List<Long> rss, boolean oneThread) throws Exception {
        if (oneThread) {
            runOneThread(video, width, height, extractors, count, valid, rss);
            return;
        }
        BlockingQueue<VideoFrame> queue = new ArrayBlockingQueue<>(8);
        Throwable[] failure = new Throwable[1];
        Thread decoder = new Thread(() -> {
            try {
                decode(video, width, height, f -> {
                    try {
                        queue.put(f);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                });
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "faces-speed-decoder");
        decoder.start();
        List<ExtractionSession> sessions = open(video, extractors);
        int n = 0;
        long nextSample = 0;
        while (true) {
            VideoFrame f = queue.take();
            if (f == END) {
                break;
            }
            for (ExtractionSession s : sessions) {
                s.onVideoFrame(f);
            }
            n++;
            if (n >= nextSample) {
                rss.add(status("VmRSS"));
                nextSample = n + 3000L;
            }
        }
        decoder.join();
        if (failure[0] != null) {
            throw new IllegalStateException("decoding failed: " + failure[0], failure[0]);
        }
        finish(sessions, n, count, valid, rss);
    }

    /** Decoding and the face pipeline on the calling thread, frame after frame. */
    private static void runOneThread(Path video, int width, int height, List<FeatureExtractor> extractors, int[] count, double[] valid,
                                     List<Long> rss) throws Exception {
        List<ExtractionSession> sessions = open(video, extractors);
        int[] n = new int[1];
        decode(video, width, height, f -> {
            try {
                for (ExtractionSession s : sessions) {
                    s.onVideoFrame(f);
                }
            } catch (Exception e) {
                throw new IllegalStateException("frame " + f.index() + ": " + e.getMessage(), e);
            }
            if (n[0]++ % 3000 == 0) {
                rss.add(status("VmRSS"));
            }
        });
        finish(sessions, n[0], count, valid, rss);
    }

    /** One session per extractor on the video as a clip. */
    private static List<ExtractionSession> open(Path video, List<FeatureExtractor> extractors) throws Exception {
        ClipSource source = new ClipSource(new Clip("bench", "bench", null, null, null, null, null), video, null, null);
        List<ExtractionSession> sessions = new ArrayList<>();
        for (FeatureExtractor e : extractors) {
            sessions.add(e.open(source));
        }
        return sessions;
    }

    /** Finishes and closes the sessions; records the frame count, the first track's face fraction and the RSS. */
    private static void finish(List<ExtractionSession> sessions, int frames, int[] count, double[] valid, List<Long> rss)
            throws Exception {
        FeatureTrack first = null;
        for (ExtractionSession s : sessions) {
            FeatureTrack t = s.finish();
            if (first == null) {
                first = t;
            }
            s.close();
        }
        count[0] = frames;
        valid[0] = first == null ? 0 : first.validFraction();
        rss.add(status("VmRSS"));
    }

    /**
     * The accuracy cost of the speed levers of {@code lever} (engine, detection, landmark and expression rates):
     * both it and the reference (the DJL engine, every net on every frame, detection every
     * {@value #REFERENCE_DETECT_EVERY}th frame, so that a lower detection rate is measured as a lever too) run on
     * the same decoded frames; returns a JSON object with the landmark error in image pixels normalised
     * by the reference's outer-eye-corner distance (mean and 95th percentile over frames where both
     * have landmarks), the mean absolute difference of the 7 expression probabilities and the
     * agreement of the most probable expression.
     */
    private static String accuracy(Path video, int width, int height, FacePipelineConfig lever) throws Exception {
        FacePipelineConfig ref = lever.withDetectEvery(REFERENCE_DETECT_EVERY).withNets("pytorch", 1, 1);
        FaceModels refModels = FaceModelLoader.open(ref);
        FaceModels levModels = FaceModelLoader.open(lever);
        List<Double> nme = new ArrayList<>();
        double[] probDiff = new double[1];
        int[] both = new int[2];
        try (FaceFramePipeline a = new FaceFramePipeline(ref, refModels, "reference");
             FaceFramePipeline b = new FaceFramePipeline(lever, levModels, "lever")) {
            decode(video, width, height, f -> {
                FaceObservation oa = a.process(f);
                FaceObservation ob = b.process(f);
                if (oa.landmarks() != null && ob.landmarks() != null) {
                    double[] p = oa.landmarks().xy();
                    double[] q = ob.landmarks().xy();
                    double iod = Math.hypot(p[90] - p[72], p[91] - p[73]);
                    double sum = 0;
                    for (int i = 0; i < p.length; i += 2) {
                        sum += Math.hypot(p[i] - q[i], p[i + 1] - q[i + 1]);
                    }
                    nme.add(sum / (p.length / 2) / iod);
                }
                ExpressionOutput ea = oa.present() ? oa.expression() : null;
                ExpressionOutput eb = ob.present() ? ob.expression() : null;
                if (ea != null && eb != null) {
                    float[] pa = ea.probabilities();
                    float[] pb = eb.probabilities();
                    int ia = 0;
                    int ib = 0;
                    for (int k = 0; k < pa.length; k++) {
                        probDiff[0] += Math.abs(pa[k] - pb[k]) / pa.length;
                        ia = pa[k] > pa[ia] ? k : ia;
                        ib = pb[k] > pb[ib] ? k : ib;
                    }
                    both[0]++;
                    both[1] += ia == ib ? 1 : 0;
                }
            });
        } finally {
            refModels.close();
            levModels.close();
        }
        List<Double> sorted = new ArrayList<>(nme);
        java.util.Collections.sort(sorted);
        double mean = nme.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double p95 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(0.95 * sorted.size())));
        return String.format(Locale.ROOT, "{\"landmark_frames\": %d, \"landmark_nme_mean\": %.5f, \"landmark_nme_p95\": %.5f,"
                + " \"expression_frames\": %d, \"expression_prob_mean_abs_diff\": %.5f, \"expression_argmax_agreement\": %.4f}",
                nme.size(), mean, p95, both[0], both[0] == 0 ? Double.NaN : probDiff[0] / both[0],
                both[0] == 0 ? Double.NaN : both[1] / (double) both[0]);
    }

    /** Seconds of one reference decode: ffmpeg scaling to W x H bilinear and converting to BGR24, output discarded. */
    private static double reference(String ffmpeg, int threads, Path video, int width, int height) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-v", "error", "-nostdin"));
        if (threads > 0) {
            cmd.addAll(List.of("-filter_threads", Integer.toString(threads), "-threads", Integer.toString(threads)));
        }
        cmd.addAll(List.of("-i", video.toString(), "-an", "-vf", "scale=" + width + ":" + height + ":flags=bilinear",
                "-pix_fmt", "bgr24", "-f", "null", "-"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException("reference decode failed (exit " + rc + "): " + String.join(" ", cmd));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        java.util.Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void decode(Path video, int width, int height, java.util.function.Consumer<VideoFrame> sink) throws Exception {
        // FFmpegFrameGrabber by name: mer4j-vision has FFmpeg on its test class path only; the launcher's has it
        FrameGrabber grabber = (FrameGrabber) Class.forName("org.bytedeco.javacv.FFmpegFrameGrabber")
                .getConstructor(File.class).newInstance(new File(video.toString()));
        try (FrameGrabber g = grabber) {
            g.setImageWidth(width);
            g.setImageHeight(height);
            g.setPixelFormat(3); // AV_PIX_FMT_BGR24
            g.setImageScalingFlags(2); // SWS_BILINEAR, as the reference's scale=...:flags=bilinear
            g.start();
            Frame f;
            int i = 0;
            while ((f = g.grab()) != null) {
                if (f.image == null) {
                    continue; // audio
                }
                int w = f.imageWidth;
                int h = f.imageHeight;
                ByteBuffer buf = (ByteBuffer) f.image[0];
                byte[] bgr = new byte[w * h * 3];
                if (f.imageStride == w * 3) {
                    buf.position(0);
                    buf.get(bgr);
                } else {
                    for (int y = 0; y < h; y++) {
                        buf.position(y * f.imageStride);
                        buf.get(bgr, y * w * 3, w * 3);
                    }
                }
                sink.accept(new VideoFrame(f.timestamp / 1e6, i++, w, h, bgr));
            }
            g.stop();
        }
    }

    /** A {@code /proc/self/status} value in kB (0 where unavailable). */
    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
