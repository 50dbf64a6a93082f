package org.mer4j.experiments.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.Excerpt;
import org.mer4j.api.ManifestException;
import org.mer4j.api.TimeSegment;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * BAH's frame-level A/H annotation (Belharbi et al. 2025; read by {@code set_frame_labels.py} of
 * the dataset's code as {@code video_annotation.yaml}): a YAML mapping from each video to
 * {@code frame_annotation: [[frame, label], ...]}, one pair per video frame, label 1 = A/H. Either
 * one file for all videos ({@code <video key>: {frame_annotation: [...]}}, where the key is the
 * video path of the split files, with or without its extension, or the video's file name or stem)
 * or one file per video whose top level holds {@code frame_annotation} directly.
 *
 * <p>The file is read as a token stream, not as a tree: the whole corpus has about 900,000 frame
 * pairs (8.26 h at ~30 fps), far beyond SnakeYAML's default 3 MB document limit, which is lifted
 * here. Every pair keeps its line, so errors name the file and the line.
 */
final class BahFrameAnnotations {
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(unlimited()).build();

    /**
     * The frame pairs of one video, in file order.
     *
     * @param frames frame numbers as written
     * @param labels 0 or 1 per frame
     * @param lines the line of each pair
     * @param file the file they came from
     * @param key the key they were listed under ({@code frame_annotation} for a per-video file)
     * @param keyLine the key's line
     */
    record Frames(int[] frames, int[] labels, int[] lines, Path file, String key, int keyLine) {
        /** Whether any frame is labelled A/H. */
        boolean anyPositive() {
            return Arrays.stream(labels).anyMatch(l -> l == 1);
        }

        /**
         * The A/H frames as time segments: frame {@code f} covers {@code [(f - firstFrame) / fps,
         * (f - firstFrame + 1) / fps)}, runs of consecutive A/H frames merge into one segment, a frame
         * not listed counts as no A/H. Segments are cut at {@code duration} when it is known.
         *
         * @param duration the video's length in seconds, or 0 when unknown (then no frame is "past the end")
         * @param video the video, for messages
         * @throws ManifestException naming the file and line of a frame before {@code firstFrame},
         *     listed twice, or more than one frame past the end of the video
         */
        List<TimeSegment> segments(double fps, int firstFrame, double duration, String video) {
            int n = frames.length;
            long frameCount = duration > 0 ? Math.round(duration * fps) : Long.MAX_VALUE;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                int index = frames[i] - firstFrame;
                if (index < 0) {
                    throw new ManifestException(file + " line " + lines[i] + ": frame " + frames[i] + " of " + video
                            + " comes before the first frame (" + firstFrame + "); frame numbers start at data.options.firstFrame = "
                            + firstFrame + ", set it to 0 or 1 to match the file");
                }
                // one frame of slack: a container's duration and its frame count can disagree by a frame
                if (index > frameCount) {
                    throw new ManifestException(file + " line " + lines[i] + ": frame " + frames[i] + " of " + video + " lies past the end"
                            + " of the video (" + frameCount + " frames: " + String.format(java.util.Locale.ROOT, "%.3f", duration) + " s at "
                            + fps + " fps); check that the annotation belongs to this video, or give its frame rate as data.options.fps");
                }
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(frames[a], frames[b]));
            List<TimeSegment> out = new ArrayList<>();
            int runStart = -1;
            int previous = Integer.MIN_VALUE;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                int index = frames[i] - firstFrame;
                if (k > 0 && frames[i] == frames[order[k - 1]]) {
                    throw new ManifestException(file + " line " + lines[i] + ": frame " + frames[i] + " of " + video + " is listed twice"
                            + " (also line " + lines[order[k - 1]] + "); keep one [frame, label] pair per frame");
                }
                boolean continues = runStart >= 0 && index == previous + 1;
                if (runStart >= 0 && (!continues || labels[i] == 0)) {
                    add(out, runStart, previous + 1, fps, duration);
                    runStart = -1;
                }
                if (labels[i] == 1 && runStart < 0) {
                    runStart = index;
                }
                previous = index;
            }
            if (runStart >= 0) {
                add(out, runStart, previous + 1, fps, duration);
            }
            return out;
        }

        private static void add(List<TimeSegment> out, int fromFrame, int toFrame, double fps, double duration) {
            double start = fromFrame / fps;
            double end = toFrame / fps;
            if (duration > 0) {
                end = Math.min(end, duration);
            }
            if (end > start) {
                out.add(new TimeSegment(start, end));
            }
        }
    }

    private BahFrameAnnotations() {
    }

    /**
     * Reads one file holding every video: {@code <key>: {frame_annotation: [[frame, label], ...]}}
     * (or {@code <key>: [[frame, label], ...]}). Other fields beside {@code frame_annotation} are ignored.
     *
     * @return the videos' frames by key, in file order
     */
    static Map<String, Frames> readAll(Path file) throws IOException {
        Map<String, Frames> out = new LinkedHashMap<>();
        try (JsonParser p = YAML.createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return out;
            }
            if (t != JsonToken.START_OBJECT) {
                throw fail(file, p, "the top level must map each video to its frame_annotation, e.g. 'Videos/82725/Visite_1/"
                        + "82725_Question_1_..._Video.mp4: {frame_annotation: [[0, 0], [1, 0], ...]}'");
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                t = p.nextToken();
                Frames frames = null;
                if (t == JsonToken.START_ARRAY) {
                    frames = pairs(file, p, key, keyLine);
                } else if (t == JsonToken.START_OBJECT) {
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("frame_annotation")) {
                            if (p.currentToken() != JsonToken.START_ARRAY) {
                                throw fail(file, p, "frame_annotation of " + Excerpt.quote(key) + " must be a list of [frame, label] pairs");
                            }
                            frames = pairs(file, p, key, keyLine);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                if (frames == null) {
                    throw new ManifestException(file + " line " + keyLine + ": " + Excerpt.quote(key) + " has no frame_annotation;"
                            + " give 'frame_annotation: [[frame, label], ...]' under it");
                }
                if (out.put(key, frames) != null) {
                    throw new ManifestException(file + " line " + keyLine + ": " + Excerpt.quote(key) + " is listed twice; keep one entry per video");
                }
            }
        } catch (JsonProcessingException e) {
            throw new ManifestException(file + " line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": not valid YAML (" + e.getOriginalMessage() + "); fix the file", e);
        }
        return out;
    }

    /** Reads a per-video file whose top level holds {@code frame_annotation: [[frame, label], ...]}. */
    static Frames readOne(Path file) throws IOException {
        try (JsonParser p = YAML.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw fail(file, p, "expected 'frame_annotation: [[frame, label], ...]' at the top level");
            }
            Frames frames = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int keyLine = line(p);
                p.nextToken();
                if (field.equals("frame_annotation") && p.currentToken() == JsonToken.START_ARRAY) {
                    frames = pairs(file, p, field, keyLine);
                } else {
                    p.skipChildren();
                }
            }
            if (frames == null) {
                throw new ManifestException(file + ": no 'frame_annotation: [[frame, label], ...]' list at the top level; add it");
            }
            return frames;
        } catch (JsonProcessingException e) {
            throw new ManifestException(file + " line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": not valid YAML (" + e.getOriginalMessage() + "); fix the file", e);
        }
    }

    /** The pairs of a list whose START_ARRAY is the current token. */
    private static Frames pairs(Path file, JsonParser p, String key, int keyLine) throws IOException {
        IntList frames = new IntList();
        IntList labels = new IntList();
        IntList lines = new IntList();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int line = line(p);
            if (t != JsonToken.START_ARRAY) {
                throw fail(file, p, "frame_annotation of " + Excerpt.quote(key) + ": expected a [frame, label] pair, got "
                        + Excerpt.quote(p.getText()));
            }
            int frame = integer(file, p, key, "frame number");
            int label = integer(file, p, key, "label");
            if (label != 0 && label != 1) {
                throw new ManifestException(file + " line " + line + ": frame " + frame + " of " + Excerpt.quote(key) + " has label "
                        + label + "; BAH frame labels are 0 (No A-H) or 1 (With A-H)");
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw fail(file, p, "frame_annotation of " + Excerpt.quote(key) + ": a pair has more than two values; write [frame, label]");
            }
            frames.add(frame);
            labels.add(label);
            lines.add(line);
        }
        return new Frames(frames.toArray(), labels.toArray(), lines.toArray(), file, key, keyLine);
    }

    private static int integer(Path file, JsonParser p, String key, String what) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long v = p.getLongValue();
            if (v >= 0 && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = p.getDoubleValue();
            if (v == Math.rint(v) && v >= 0 && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        }
        throw fail(file, p, "frame_annotation of " + Excerpt.quote(key) + ": the " + what + " must be a whole number >= 0, got "
                + (t == JsonToken.END_ARRAY ? "a pair that ends early" : Excerpt.quote(p.getText())) + "; write [frame, label]");
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static ManifestException fail(Path file, JsonParser p, String what) {
        return new ManifestException(file + " line " + line(p) + ": " + what);
    }

    private static LoaderOptions unlimited() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(Integer.MAX_VALUE);
        return o;
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
