package org.mer4j.text.asr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.VideoFrame;
import org.mer4j.media.DecodeConfig;
import org.mer4j.media.MediaDecoder;
import org.mer4j.media.MediaSink;

/**
 * Turns any audio or video file into what classic recognisers want: 16 kHz, mono, 16-bit PCM.
 * Decoding and resampling are FFmpeg's, through mer4j-media's {@link MediaDecoder} (no shell
 * {@code ffmpeg}). Optional silence padding at both ends helps pocketsphinx's voice activity
 * detector catch a word that starts at the first sample.
 */
public final class Wav16k {
    /** Sample rate of the output. */
    public static final int RATE = 16000;

    private Wav16k() {
    }

    /** Little-endian 16-bit PCM samples at 16 kHz, with {@code padSeconds} of silence before and after. */
    public static byte[] pcm(Path media, double padSeconds) throws AsrException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pad = (int) Math.round(padSeconds * RATE) * 2;
        out.writeBytes(new byte[pad]);
        ClipSource src = new ClipSource(new Clip("asr", "asr", null, media.toString(), null, null, null), null, media, null);
        try {
            new MediaDecoder().decode(src, new DecodeConfig(10, RATE, 640), false, true, new MediaSink() {
                @Override
                public void onVideoFrame(VideoFrame frame) {
                }

                @Override
                public void onAudio(AudioChunk chunk) {
                    ByteBuffer b = ByteBuffer.allocate(chunk.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
                    for (float s : chunk.samples()) {
                        b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f));
                    }
                    out.writeBytes(b.array());
                }
            });
        } catch (ClipFailedException e) {
            throw new AsrException("cannot decode the audio of " + media + ": " + e.getMessage(), e);
        }
        out.writeBytes(new byte[pad]);
        return out.toByteArray();
    }

    /** Writes {@code pcm} as a RIFF/WAVE file (16 kHz mono 16-bit). */
    public static void write(Path wav, byte[] pcm) throws IOException {
        try (OutputStream o = Files.newOutputStream(wav)) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                    .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                    .putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(pcm.length);
            o.write(h.array());
            o.write(pcm);
        }
    }
}
