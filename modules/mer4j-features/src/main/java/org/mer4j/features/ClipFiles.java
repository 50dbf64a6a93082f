package org.mer4j.features;

import java.io.IOException;
import java.util.List;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.DataRoot;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Modality;

/**
 * The files of one clip that the configured extractors will open, each resolved and checked by
 * {@link DataRoot} (inside the data root unless allowed, a regular file) before anything reads,
 * hashes or decodes it. Files no extractor needs are left alone (null).
 *
 * @param video the video file, or null
 * @param audio the file that carries the audio (the separate audio file, else the video), or null
 * @param transcript the transcript file, or null
 */
record ClipFiles(DataRoot.Checked video, DataRoot.Checked audio, DataRoot.Checked transcript) {

    /**
     * @throws ClipFailedException {@code outside-data-root}, {@code not-a-regular-file}, {@code missing-file} or {@code bad-path}
     * @throws IOException when the file system cannot be asked (an I/O failure, not a problem of the clip)
     */
    static ClipFiles resolve(DataRoot data, Clip clip, List<FeatureExtractor> extractors, ClipWordSource words)
            throws ClipFailedException, IOException {
        boolean video = extractors.stream().anyMatch(FeatureExtractor::needsVideo);
        boolean text = extractors.stream().anyMatch(e -> e.modality() == Modality.TEXT);
        boolean audio = extractors.stream().anyMatch(FeatureExtractor::needsAudio)
                || (text && clip.transcript() == null && words.recognizerFor(clip) != null);
        return new ClipFiles(
                video ? data.file(clip.id(), "video", clip.video()) : null,
                audio ? data.file(clip.id(), clip.audio() != null ? "audio" : "video", clip.audioSource()) : null,
                text ? data.file(clip.id(), "transcript", clip.transcript()) : null);
    }
}
