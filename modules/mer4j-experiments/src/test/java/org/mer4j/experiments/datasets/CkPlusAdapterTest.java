package org.mer4j.experiments.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipSource;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.mer4j.api.VideoFrame;
import org.mer4j.media.DecodeConfig;
import org.mer4j.media.DecodeSummary;
import org.mer4j.media.MediaDecoder;
import org.mer4j.media.MediaSink;

class CkPlusAdapterTest {

    @Test
    void labelledSequencesBecomeLosslessVideosTheDecoderReads(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("ckplus", dir);
        Path work = dir.resolve("work");
        Manifest m = DatasetAdapters.load().get("ckplus").load(root, work, Map.of());
        assertEquals(List.of("S005_001", "S010_002"), m.clips().stream().map(Clip::id).toList(), "S010/001 has no emotion file");
        assertEquals(work.toAbsolutePath().normalize(), m.root());
        Clip disgust = m.clips().get(0);
        assertEquals("S005", disgust.subject());
        assertEquals("disgust", disgust.labels().emotion(), "code 3");
        assertEquals("ckplus/S005_001.avi", disgust.video());
        assertNull(disgust.audio());
        assertEquals(3 / 30.0, disgust.duration(), 1e-12);
        assertEquals(Map.of("sequence", "001", "frames", "3", "peakFrame", "3"), disgust.metadata());
        assertEquals("happy", m.clips().get(1).labels().emotion(), "code 5");
        assertEquals(Map.of("emotion", List.of("disgust", "happy")), m.classes());
        AdapterFixtures.assertValidates(m, dir);

        // every pixel comes back: grey and colour sequences, odd frame size, at the CK+ rate
        for (Clip c : m.clips()) {
            Path seq = root.resolve("cohn-kanade-images").resolve(c.subject()).resolve(c.metadata().get("sequence"));
            List<VideoFrame> frames = new ArrayList<>();
            DecodeSummary s = decode(c, m.root().resolve(c.video()), frames);
            assertEquals(Integer.parseInt(c.metadata().get("frames")), s.framesDelivered(), c.id());
            assertEquals(30.0, s.sourceFps(), 1e-6);
            assertEquals("ffv1", s.videoCodec());
            assertEquals(16, s.width(), "15 pixels wide, one column repeated");
            assertEquals(11, s.height());
            try (var pngs = Files.list(seq)) {
                List<Path> files = pngs.sorted().toList();
                for (int i = 0; i < files.size(); i++) {
                    assertArrayEquals(bgr(ImageIO.read(files.get(i).toFile())), frames.get(i).bgr(), c.id() + " frame " + i);
                }
            }
        }
    }

    @Test
    void videosAreReproducibleAndReEncodedOnlyWhenFramesChange(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("ckplus", dir);
        CkPlusAdapter a = new CkPlusAdapter();
        a.load(root, dir.resolve("w1"), Map.of());
        a.load(root, dir.resolve("w2"), Map.of());
        Path v1 = dir.resolve("w1/ckplus/S005_001.avi");
        assertArrayEquals(Files.readAllBytes(v1), Files.readAllBytes(dir.resolve("w2/ckplus/S005_001.avi")), "bit-exact encoding");
        assertArrayEquals(Files.readAllBytes(dir.resolve("w1/ckplus/S010_002.avi")), Files.readAllBytes(dir.resolve("w2/ckplus/S010_002.avi")));
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(v1, old);
        a.load(root, dir.resolve("w1"), Map.of());
        assertEquals(old, Files.getLastModifiedTime(v1), "same frames: the video is not written again");
        byte[] before = Files.readAllBytes(v1);
        Path frame = root.resolve("cohn-kanade-images/S005/001/S005_001_00000002.png");
        BufferedImage img = ImageIO.read(frame.toFile());
        img.getRaster().setSample(0, 0, 0, 255 - img.getRaster().getSample(0, 0, 0));
        ImageIO.write(img, "png", frame.toFile());
        a.load(root, dir.resolve("w1"), Map.of());
        assertNotEquals(old, Files.getLastModifiedTime(v1));
        assertTrue(!java.util.Arrays.equals(before, Files.readAllBytes(v1)), "a changed frame re-encodes the sequence");
        Manifest fast = a.load(root, dir.resolve("w3"), Map.of("fps", "10", "unlabelled", "include"));
        assertEquals(3, fast.clips().size());
        Clip unlabelled = AdapterFixtures.byId(fast).get("S010_001");
        assertNull(unlabelled.labels().emotion());
        assertNull(unlabelled.metadata().get("peakFrame"));
        assertEquals(0.2, unlabelled.duration(), 1e-12);
        AdapterFixtures.assertValidates(fast, dir);
    }

    @Test
    void damagedLabelsAndFramesFailNamingTheFile(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("ckplus", dir);
        CkPlusAdapter a = new CkPlusAdapter();
        Path label = root.resolve("Emotion/S005/001/S005_001_00000003_emotion.txt");
        Files.writeString(label, "   9.0000000e+00\n");
        ManifestException code = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(code.getMessage().contains("S005_001_00000003_emotion.txt") && code.getMessage().contains("0..7"), code.getMessage());
        Files.writeString(label, "   3.0000000e+00\n");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png",
                root.resolve("cohn-kanade-images/S005/001/S005_001_00000004.png").toFile());
        ManifestException size = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(size.getMessage().contains("S005_001_00000004.png: 8x8 pixels") && size.getMessage().contains("15x11"), size.getMessage());
        ManifestException fps = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("fps", "-3")));
        assertTrue(fps.getMessage().contains("data.options.fps"), fps.getMessage());
    }

    private static DecodeSummary decode(Clip c, Path video, List<VideoFrame> frames) throws Exception {
        return new MediaDecoder().decode(new ClipSource(c, video, null, null), new DecodeConfig(30, 16000, 640), true, false, new MediaSink() {
            @Override
            public void onVideoFrame(VideoFrame frame) {
                frames.add(frame);
            }

            @Override
            public void onAudio(AudioChunk chunk) {
            }
        });
    }

    /**
     * The image as packed BGR, grey levels read from the raster (as the encoder does), an odd width
     * widened by a copy of the last column.
     */
    private static byte[] bgr(BufferedImage img) {
        int w = img.getWidth() + (img.getWidth() & 1);
        byte[] out = new byte[w * img.getHeight() * 3];
        boolean grey = img.getRaster().getNumBands() == 1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 3;
                int sx = Math.min(x, img.getWidth() - 1);
                if (grey) {
                    byte v = (byte) img.getRaster().getSample(sx, y, 0);
                    out[p] = v;
                    out[p + 1] = v;
                    out[p + 2] = v;
                } else {
                    int rgb = img.getRGB(sx, y);
                    out[p] = (byte) (rgb & 0xff);
                    out[p + 1] = (byte) (rgb >> 8 & 0xff);
                    out[p + 2] = (byte) (rgb >> 16 & 0xff);
                }
            }
        }
        return out;
    }
}
