package org.mer4j.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.Clip;
import org.mer4j.api.DataRoot;
import org.mer4j.media.MediaProbe;

/**
 * How long a clip is, for the {@link InputLimits} checks: its manifest {@code duration} when given,
 * else the longest duration its media containers declare (header only, no decoding; looked up once,
 * on first use). Unknown (NaN) for clips with neither, and for media that cannot be opened (those
 * fail on their own when decoded). Only files that pass {@link DataRoot} are opened.
 */
final class ClipDuration {
    private final DataRoot data;
    private final Clip clip;
    private final ClipFiles files;
    private boolean known;
    private double seconds = Double.NaN;
    private DataRoot.Checked source;

    ClipDuration(DataRoot data, Clip clip, ClipFiles files) {
        this.data = data;
        this.clip = clip;
        this.files = files;
    }

    /** The clip's length in seconds, or NaN when unknown. */
    double seconds() {
        if (!known) {
            known = true;
            if (clip.duration() != null) {
                seconds = clip.duration();
            } else {
                probe();
            }
        }
        return seconds;
    }

    /** Where {@link #seconds()} comes from, in words. */
    String what() {
        seconds();
        return clip.duration() != null ? "its manifest 'duration'" : "the duration " + source.path() + " declares";
    }

    /** The media file the duration was read from, or null. */
    DataRoot.Checked source() {
        seconds();
        return source;
    }

    private void probe() {
        List<DataRoot.Checked> candidates = new ArrayList<>();
        add(candidates, files.video(), "video", clip.video());
        add(candidates, files.audio(), clip.audio() != null ? "audio" : "video", clip.audioSource());
        List<Path> seen = new ArrayList<>();
        for (DataRoot.Checked c : candidates) {
            if (seen.contains(c.path())) {
                continue;
            }
            seen.add(c.path());
            try {
                double d = MediaProbe.probe(c.path()).durationSeconds();
                if (d > 0 && !(seconds >= d)) {
                    seconds = d;
                    source = c;
                }
            } catch (IOException e) {
                // unreadable media fail when decoded; without a duration the limits are not checked
            }
        }
    }

    /** A checked file, or, when no extractor needed it, the manifest path if it passes the checks. */
    private void add(List<DataRoot.Checked> out, DataRoot.Checked checked, String field, String relative) {
        if (checked != null) {
            out.add(checked);
            return;
        }
        if (relative == null) {
            return;
        }
        try {
            DataRoot.Result r = data.check(field, relative);
            if (r.file() != null) {
                out.add(r.file());
            }
        } catch (IOException e) {
            // cannot look: no duration from this file
        }
    }
}
