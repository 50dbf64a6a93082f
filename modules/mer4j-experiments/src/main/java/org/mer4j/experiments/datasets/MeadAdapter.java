package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MEAD (Wang, Wu, Song, Yang, Wu, Qian, He, Qiao and Loy, "MEAD: A Large-scale Audio-visual Dataset
 * for Emotional Talking-face Generation", ECCV 2020) as distributed: one folder per actor (the
 * actor's video.tar and audio.tar unpacked), {@code <actor>/video/<view>/<emotion>/level_<n>/<NNN>.mp4}
 * and {@code <actor>/audio/<emotion>/level_<n>/<NNN>.m4a}. Actors are named M003, W009, ... (M men,
 * W women); views front, down, left_30, left_60, right_30, right_60, top; emotions angry, contempt,
 * disgusted, fear, happy, neutral, sad, surprised; levels 1..3 (neutral has level 1 only).
 *
 * <p>Clip = one recording in one view, id {@code <actor>_<view>_<emotion>_<level>_<NNN>}; subject =
 * actor; {@code emotion} = the folder name; metadata {@code gender}, {@code view}, {@code level},
 * {@code sentence} (NNN). Option {@code view}: the camera view(s), comma-separated (default
 * {@code front}); more than one view gives one clip per view of the same recording, all of the same
 * subject. Option {@code media}: {@code auto} (default; the view's mp4 as video and the same
 * recording's m4a, when there is one, as audio; an actor without a video folder gives audio-only
 * clips), {@code video} (mp4 only, with its own sound), {@code audio} (m4a only, one clip per
 * recording, id without a view). An actor without a wanted view (or, for {@code video}, without
 * video) is skipped with a warning; a view no actor has is an error.
 */
public final class MeadAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "mead";

    private static final Logger LOG = LoggerFactory.getLogger(MeadAdapter.class);
    private static final Pattern ACTOR = Pattern.compile("([MW])(\\d{3})");
    private static final Pattern LEVEL = Pattern.compile("level_([1-3])");
    private static final Pattern FILE = Pattern.compile("(\\d{3})");

    /** The emotions, in the documented order. */
    static final List<String> EMOTIONS = List.of("angry", "contempt", "disgusted", "fear", "happy", "neutral", "sad", "surprised");
    static final List<String> VIEWS = List.of("front", "down", "left_30", "left_60", "right_30", "right_60", "top");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "the MEAD actor folders, e.g. M003/video/front/angry/level_1/001.mp4 and M003/audio/angry/level_1/001.m4a";
    }

    @Override
    public Manifest load(Path root, Path workDir) throws IOException {
        return load(root, workDir, Map.of());
    }

    @Override
    public Manifest load(Path corpus, Path workDir, Map<String, String> options) throws IOException {
        AdapterOptions o = AdapterOptions.of(NAME, options, "view", "media");
        List<String> views = o.choices("view", "front", VIEWS);
        String media = o.choice("media", "auto", List.of("auto", "video", "audio"));
        Path root = CorpusFiles.folder(corpus, expectedLayout());
        List<Clip> clips = new ArrayList<>();
        int actors = 0;
        int audioWithoutVideo = 0;
        int videoActors = 0;
        List<String> withoutVideo = new ArrayList<>();
        Map<String, List<String>> missingViews = new TreeMap<>();
        java.util.Set<String> viewsSeen = new java.util.HashSet<>();
        for (Path actor : CorpusFiles.folders(root)) {
            Matcher a = ACTOR.matcher(actor.getFileName().toString());
            if (!a.matches()) {
                continue;
            }
            actors++;
            Map<String, Path> audio = media.equals("video") ? Map.of() : recordings(actor.resolve("audio"), "m4a");
            boolean hasVideo = Files.isDirectory(actor.resolve("video"));
            if (media.equals("audio") || (media.equals("auto") && !hasVideo)) {
                audio.forEach((key, file) -> clips.add(clip(root, actor, key, null, null, file)));
                continue;
            }
            if (!hasVideo) {
                withoutVideo.add(actor.getFileName().toString());
                continue;
            }
            videoActors++;
            for (String view : views) {
                Path viewDir = actor.resolve("video").resolve(view);
                if (!Files.isDirectory(viewDir)) {
                    missingViews.computeIfAbsent(view, k -> new ArrayList<>()).add(actor.getFileName().toString());
                    continue;
                }
                viewsSeen.add(view);
                Map<String, Path> videos = recordings(viewDir, "mp4");
                for (Map.Entry<String, Path> v : videos.entrySet()) {
                    clips.add(clip(root, actor, v.getKey(), view, v.getValue(), audio.get(v.getKey())));
                }
                for (String key : audio.keySet()) {
                    if (!videos.containsKey(key)) {
                        audioWithoutVideo++;
                    }
                }
            }
        }
        if (actors == 0) {
            throw new ManifestException("data.root " + root + ": no actor folders (M003, W009, ...); give " + expectedLayout());
        }
        if (videoActors > 0) {
            for (String view : views) {
                if (!viewsSeen.contains(view)) {
                    throw new ManifestException("data.root " + root + ": no actor has the view '" + view + "' (<actor>/video/" + view
                            + "/); choose data.options.view from " + VIEWS);
                }
            }
        }
        if (clips.isEmpty()) {
            throw new ManifestException("data.root " + root + ": " + actors + " actor folders but no " + (media.equals("audio") ? ".m4a" : ".mp4")
                    + " recordings in the layout " + expectedLayout() + (withoutVideo.isEmpty() ? "" : "; actors without video/: " + withoutVideo));
        }
        if (!withoutVideo.isEmpty()) {
            LOG.warn("MEAD: actors {} have no video/ folder and give no clips with media: video", withoutVideo);
        }
        missingViews.forEach((view, who) -> LOG.warn("MEAD: actors {} have no view '{}'", who, view));
        if (audioWithoutVideo > 0) {
            LOG.info("MEAD: {} audio recordings have no video in view(s) {} and are not clips", audioWithoutVideo, views);
        }
        return new Manifest(NAME, root, clips, CorpusFiles.emotionClasses(EMOTIONS, clips));
    }

    /** {@code <emotion>/level_<n>/<NNN>.<ext>} under {@code dir}, keyed {@code emotion/level/NNN}. */
    private static Map<String, Path> recordings(Path dir, String ext) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        for (Path f : CorpusFiles.walk(dir)) {
            if (!CorpusFiles.extension(f).equals(ext)) {
                continue;
            }
            Path rel = dir.relativize(f);
            Matcher level = rel.getNameCount() == 3 ? LEVEL.matcher(rel.getName(1).toString()) : null;
            Matcher num = FILE.matcher(CorpusFiles.stem(f));
            String emotion = rel.getNameCount() == 3 ? rel.getName(0).toString() : null;
            if (level == null || !level.matches() || !num.matches() || !EMOTIONS.contains(emotion)) {
                throw new ManifestException(f + ": not in MEAD's layout <emotion>/level_<1..3>/<NNN>." + ext + " under " + dir
                        + " (emotions " + EMOTIONS + "); move it out of the corpus folder");
            }
            out.put(emotion + "/" + level.group(1) + "/" + num.group(1), f);
        }
        return out;
    }

    private static Clip clip(Path root, Path actor, String key, String view, Path video, Path audio) {
        String[] k = key.split("/");
        String name = actor.getFileName().toString();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("gender", name.startsWith("M") ? "male" : "female");
        if (view != null) {
            meta.put("view", view);
        }
        meta.put("level", k[1]);
        meta.put("sentence", k[2]);
        String id = name + (view == null ? "" : "_" + view) + "_" + k[0] + "_" + k[1] + "_" + k[2];
        return new Clip(id, name, video == null ? null : CorpusFiles.relative(root, video),
                audio == null ? null : CorpusFiles.relative(root, audio), null, new ClipLabels(k[0], List.of(), null, null), null, meta);
    }
}
