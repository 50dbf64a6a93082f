package org.mer4j.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;

/**
 * Decodes a clip in one pass with JavaCV/FFmpeg: video frames subsampled to
 * {@link DecodeConfig#videoFps()} (a frame is kept when its timestamp crosses the next
 * {@code 1/fps} boundary) and downscaled to at most {@link DecodeConfig#maxVideoWidth()}, as packed
 * BGR; audio resampled by FFmpeg to mono float at {@link DecodeConfig#sampleRate()}.
 *
 * <p>When the clip has a separate audio file (e.g. RAVDESS: a silent mp4 plus a wav), the video file
 * gives the frames and the audio file the samples; the two are merged in time order so sinks see
 * presentation order either way. Failures are {@link ClipFailedException}s with the reasons in
 * {@link MediaFailures}. Stateless and thread-safe: each call opens and closes its own grabbers.
 */
public final class MediaDecoder {

    /**
     * Decodes what is wanted of the clip and feeds the sink.
     *
     * @param source the clip with resolved paths
     * @param cfg rates and size limit
     * @param wantVideo deliver video frames (the clip must have a video stream)
     * @param wantAudio deliver audio (the audio file, or else the video file, must have an audio stream)
     * @param sink receiver; its exceptions abort the pass and propagate
     * @return counts, stream facts, and per file the declared and decoded duration (see {@link DecodeSummary#checkComplete})
     * @throws ClipFailedException {@code unreadable-media}, {@code no-video-stream}, {@code no-audio-stream}, or the sink's
     */
    public DecodeSummary decode(ClipSource source, DecodeConfig cfg, boolean wantVideo, boolean wantAudio, MediaSink sink)
            throws ClipFailedException {
        String clipId = source.clip().id();
        if (!wantVideo && !wantAudio) {
            return new DecodeSummary(0, 0, 0, 0, 0, "", "");
        }
        Path videoFile = wantVideo ? requireFile(clipId, source.video(), "video", MediaFailures.NO_VIDEO) : null;
        Path audioFile = wantAudio ? requireFile(clipId, source.audio() != null ? source.audio() : source.video(), "audio",
                MediaFailures.NO_AUDIO) : null;
        if (wantVideo && wantAudio && sameFile(videoFile, audioFile)) {
            try (StreamReader both = new StreamReader(clipId, videoFile, cfg, true, true)) {
                DecodedItem item;
                while ((item = both.next()) != null) {
                    deliver(item, sink);
                }
                return new DecodeSummary(both.framesDelivered(), both.audioSeconds(), both.sourceFps(), both.width(),
                        both.height(), both.videoCodec(), both.audioCodec(), List.of(both.span()));
            }
        }
        try (StreamReader v = wantVideo ? new StreamReader(clipId, videoFile, cfg, true, false) : null;
             StreamReader a = wantAudio ? new StreamReader(clipId, audioFile, cfg, false, true) : null) {
            DecodedItem nextV = v == null ? null : v.next();
            DecodedItem nextA = a == null ? null : a.next();
            while (nextV != null || nextA != null) {
                if (nextA == null || (nextV != null && nextV.time() <= nextA.time())) {
                    deliver(nextV, sink);
                    nextV = v.next();
                } else {
                    deliver(nextA, sink);
                    nextA = a.next();
                }
            }
            return new DecodeSummary(v == null ? 0 : v.framesDelivered(), a == null ? 0 : a.audioSeconds(),
                    v == null ? 0 : v.sourceFps(), v == null ? 0 : v.width(), v == null ? 0 : v.height(),
                    v == null ? "" : v.videoCodec(), a == null ? "" : a.audioCodec(),
                    Stream.of(v, a).filter(r -> r != null).map(StreamReader::span).toList());
        }
    }

    private static void deliver(DecodedItem item, MediaSink sink) throws ClipFailedException {
        if (item.frame() != null) {
            sink.onVideoFrame(item.frame());
        } else {
            sink.onAudio(item.audio());
        }
    }

    private static Path requireFile(String clipId, Path file, String role, String missingReason) throws ClipFailedException {
        if (file == null) {
            throw new ClipFailedException(clipId, missingReason, "the clip has no " + role + " file in the manifest;"
                    + " add one or drop the extractors that need " + role);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ClipFailedException(clipId, MediaFailures.UNREADABLE, role + " file " + file
                    + " does not exist or is not readable; check the manifest's data root and the clip's '" + role + "' field");
        }
        return file;
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
