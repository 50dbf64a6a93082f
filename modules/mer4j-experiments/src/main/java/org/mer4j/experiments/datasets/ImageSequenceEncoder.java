package org.mer4j.experiments.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.ManifestException;

/**
 * Turns a folder of still frames (a CK+ sequence of PNGs) into one lossless video the media decoder
 * reads like any other clip: FFV1 (FFmpeg's lossless intra-frame codec, which also takes the odd
 * frame sizes of CK+, e.g. 640x490) in AVI, grey-scale when every frame is grey, else 24-bit colour,
 * at a constant frame rate, muxed and encoded bit-exact (no dates or version strings), so the same
 * frames give the same bytes. A frame of odd width gets one more column, a copy of its last (JavaCV's
 * recorder would otherwise round the size up with unspecified pixels; CK+ frames are 640 wide).
 * AVI counts time in frames, so frame {@code i} is at exactly
 * {@code i / fps}; Matroska's millisecond clock would put frame 1 of a 30 fps sequence at 0.033 s,
 * before the 1/30 s boundary where a 30 fps decode keeps the next frame, and lose it. The video is written under a temporary name and
 * moved into place; beside it {@code <video>.source} holds the SHA-256 of the settings and of every
 * frame's name and bytes, and a video whose record matches is not encoded again.
 */
final class ImageSequenceEncoder {
    /** Written into the source record; change it when the encoding changes so old videos are re-made. */
    static final String FORMAT = "ffv1/avi/bitexact/even-width/v1";

    private final double fps;

    ImageSequenceEncoder(double fps) {
        this.fps = fps;
    }

    /** What {@link #encode} did. */
    enum Outcome { ENCODED, UP_TO_DATE }

    /**
     * Encodes {@code frames} (in order) into {@code target} unless it is already there from the same
     * frames and settings.
     *
     * @throws ManifestException naming the frame that cannot be read or does not match the first frame's size
     */
    Outcome encode(List<Path> frames, Path target) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames for " + target);
        }
        String hash = hash(frames);
        Path record = target.resolveSibling(target.getFileName() + ".source");
        if (Files.isRegularFile(target) && Files.isRegularFile(record) && Files.readString(record, StandardCharsets.UTF_8).strip().equals(hash)) {
            return Outcome.UP_TO_DATE;
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.deleteIfExists(record);
        BufferedImage first = read(frames.get(0));
        int w = first.getWidth();
        int h = first.getHeight();
        boolean grey = true;
        for (Path f : frames) {
            BufferedImage img = f == frames.get(0) ? first : read(f);
            if (img.getWidth() != w || img.getHeight() != h) {
                throw new ManifestException(f + ": " + img.getWidth() + "x" + img.getHeight() + " pixels, but " + frames.get(0) + " is " + w + "x"
                        + h + "; the frames of one sequence must have one size");
            }
            grey &= isGrey(img);
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int encodedWidth = w + (w & 1); // JavaCV's recorder rounds an odd width (and then the height) up itself
        try {
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), encodedWidth, h, 0);
                 Frame frame = new Frame(encodedWidth, h, Frame.DEPTH_UBYTE, grey ? 1 : 3)) {
                rec.setFormat("avi");
                rec.setVideoCodecName("ffv1");
                rec.setPixelFormat(grey ? avutil.AV_PIX_FMT_GRAY8 : avutil.AV_PIX_FMT_BGR0);
                rec.setFrameRate(fps);
                rec.setGopSize(1);
                rec.setOption("fflags", "+bitexact");
                rec.setVideoOption("flags", "+bitexact");
                rec.setVideoOption("threads", "1");
                rec.start();
                for (Path f : frames) {
                    fill(frame, f == frames.get(0) ? first : read(f), grey);
                    rec.record(frame, grey ? avutil.AV_PIX_FMT_GRAY8 : avutil.AV_PIX_FMT_BGR24);
                }
                rec.stop();
            } catch (FFmpegFrameRecorder.Exception e) {
                throw new IOException(target + ": FFmpeg could not encode " + frames.size() + " frames from " + frames.get(0).getParent() + " ("
                        + e.getMessage() + "); check that the JavaCV ffmpeg linux-x86_64 jar is on the class path", e);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        AtomicFiles.writeString(record, hash + "\n");
        return Outcome.ENCODED;
    }

    /** SHA-256 over the settings and every frame's file name and bytes. */
    String hash(List<Path> frames) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update((FORMAT + " fps=" + fps + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] buf = new byte[1 << 16];
        for (Path f : frames) {
            md.update((f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                while (in.read(buf) >= 0) {
                    // digesting
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static BufferedImage read(Path f) throws IOException {
        BufferedImage img;
        try {
            img = ImageIO.read(f.toFile());
        } catch (IOException e) {
            img = null;
        }
        if (img == null) {
            throw new ManifestException(f + ": not a readable image; the CK+ frames are PNG files. Restore the file from the original zip");
        }
        return img;
    }

    /** A single-band image without a palette: its samples are grey levels (read from the raster, not through a colour space). */
    private static boolean greyRaster(BufferedImage img) {
        return img.getRaster().getNumBands() == 1 && !(img.getColorModel() instanceof java.awt.image.IndexColorModel);
    }

    private static boolean isGrey(BufferedImage img) {
        if (greyRaster(img)) {
            return true;
        }
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r != g || g != b) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void fill(Frame frame, BufferedImage img, boolean grey) {
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        boolean raster = greyRaster(img);
        int shift = raster ? Math.max(0, img.getColorModel().getComponentSize(0) - 8) : 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < frame.imageWidth; x++) {
                int sx = Math.min(x, img.getWidth() - 1);
                if (raster) {
                    byte v = (byte) (img.getRaster().getSample(sx, y, 0) >> shift);
                    if (grey) {
                        buf.put(y * stride + x, v);
                    } else {
                        buf.put(y * stride + x * 3, v).put(y * stride + x * 3 + 1, v).put(y * stride + x * 3 + 2, v);
                    }
                    continue;
                }
                int rgb = img.getRGB(sx, y);
                if (grey) {
                    buf.put(y * stride + x, (byte) (rgb & 0xff));
                } else {
                    int p = y * stride + x * 3;
                    buf.put(p, (byte) (rgb & 0xff));
                    buf.put(p + 1, (byte) (rgb >> 8 & 0xff));
                    buf.put(p + 2, (byte) (rgb >> 16 & 0xff));
                }
            }
        }
    }
}
