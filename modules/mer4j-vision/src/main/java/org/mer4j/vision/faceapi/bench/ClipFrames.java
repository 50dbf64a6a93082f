package org.mer4j.vision.faceapi.bench;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.mer4j.vision.face.RgbImage;

/**
 * Decodes video frames to {@link RgbImage}s with FFmpeg (JavaCV's {@code FFmpegFrameGrabber},
 * RGB24 output), the one decode path shared by the exactness bench and the tests so that both
 * sides of a comparison see identical pixels. Needs the FFmpeg jars on the class path (the CLI
 * has them; mer4j-vision tests have them as a test dependency).
 */
public final class ClipFrames {
    /** The RAVDESS clip used by the checks: actor 19, "surprised", strong intensity. */
    public static final String RAVDESS_CLIP = "av-clips/01-01-08-02-01-01-19.mp4";
    private static final int AV_PIX_FMT_RGB24 = 2;

    private ClipFrames() {
    }

    /**
     * The shared data folder: system property {@code mer4j.shared.data}, else {@code ../shared/data}
     * next to the repository (found from {@code mer4j.home} or the working directory).
     */
    public static Optional<Path> sharedData() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("mer4j.shared.data");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        String home = System.getProperty("mer4j.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).resolve("../shared/data"));
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p.resolve("shared/data"));
        }
        return candidates.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).findFirst();
    }

    /** The RAVDESS clip, when the shared data is present. */
    public static Optional<Path> ravdessClip() {
        return sharedData().map(d -> d.resolve(RAVDESS_CLIP)).filter(Files::isRegularFile);
    }

    /** Frames {@code 0 .. maxFrames-1} (all frames when {@code maxFrames <= 0}). */
    public static List<RgbImage> decode(Path video, int maxFrames) {
        List<RgbImage> frames = new ArrayList<>();
        try (FrameGrabber g = open(video)) {
            Frame f;
            while ((maxFrames <= 0 || frames.size() < maxFrames) && (f = g.grab()) != null) {
                if (f.image != null) {
                    frames.add(toRgb(f));
                }
            }
            g.stop();
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("cannot decode " + video + ": " + e.getMessage(), e);
        }
        return frames;
    }

    /** Frame {@code index} (0-based) of {@code video}. */
    public static RgbImage frame(Path video, int index) {
        List<RgbImage> frames = decode(video, index + 1);
        if (frames.size() <= index) {
            throw new IllegalArgumentException(video + " has only " + frames.size() + " frames");
        }
        return frames.get(index);
    }

    private static FrameGrabber open(Path video) throws FrameGrabber.Exception {
        FrameGrabber g;
        try {
            @SuppressWarnings("unchecked")
            Class<? extends FrameGrabber> c = (Class<? extends FrameGrabber>) Class.forName("org.bytedeco.javacv.FFmpegFrameGrabber");
            g = FrameGrabber.create(c, File.class, video.toFile());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("FFmpeg (org.bytedeco:ffmpeg) is not on the class path", e);
        }
        g.setPixelFormat(AV_PIX_FMT_RGB24);
        g.start();
        return g;
    }

    private static RgbImage toRgb(Frame f) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        ByteBuffer buf = (ByteBuffer) f.image[0];
        int stride = f.imageStride;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            buf.position(y * stride);
            buf.get(rgb, y * w * 3, w * 3);
        }
        buf.rewind();
        return new RgbImage(w, h, rgb);
    }
}
