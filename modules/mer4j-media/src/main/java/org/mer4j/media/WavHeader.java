package org.mer4j.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The duration a RIFF/WAVE file's own header declares: the {@code data} chunk's byte count over the
 * {@code fmt } chunk's byte rate. FFmpeg's WAV demuxer clamps a data chunk that runs past the end of
 * the file to what is there, so a cut WAV decodes "completely" and its missing part would be
 * silently masked; comparing with the header's own duration catches it
 * ({@link DecodeSummary#checkComplete}).
 */
final class WavHeader {
    private WavHeader() {
    }

    /**
     * The declared duration in seconds, or 0 when the file is not a RIFF/WAVE file, or its header
     * leaves the length open (a streamed WAV writes 0 or 0xFFFFFFFF as the data size).
     */
    static double declaredSeconds(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            if (head.length < 12 || !new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                    || !new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WAVE")) {
                return 0;
            }
            long byteRate = 0;
            for (int chunk = 0; chunk < 64; chunk++) {
                byte[] h = in.readNBytes(8);
                if (h.length < 8) {
                    return 0;
                }
                String id = new String(h, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
                long size = ByteBuffer.wrap(h, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                if (id.equals("data")) {
                    boolean open = size == 0 || size == 0xFFFFFFFFL;
                    return open || byteRate <= 0 ? 0 : size / (double) byteRate;
                }
                if (id.equals("fmt ")) {
                    byte[] fmt = in.readNBytes((int) Math.min(size, 64));
                    if (fmt.length >= 12) {
                        byteRate = ByteBuffer.wrap(fmt, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                    }
                    in.skipNBytes(size - fmt.length + (size & 1));
                } else {
                    in.skipNBytes(size + (size & 1)); // chunks are padded to an even size
                }
            }
            return 0;
        } catch (java.io.EOFException e) {
            return 0; // the header itself is cut: FFmpeg reports that file as unreadable
        }
    }
}
