package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;

/**
 * The CA-MER-style emotion-conflict design ({@link ConflictDesign}): subset shares, the carrier
 * showing the label at full intensity and the distractor elsewhere at the lower intensity, truthful
 * inconsistency labels, validation, and an off switch that leaves the quickstart corpus as it was.
 * Everything but the last test is plan-only (no rendering).
 */
class ConflictDesignTest {
    /**
     * SHA-256 of the quickstart plan (per clip: plan JSON, labels JSON, trace CSV), computed before
     * the conflict design existed. If you change the quickstart design on purpose, update it.
     */
    private static final String QUICKSTART_PLAN_SHA256 = "c28fe65cc71c6bf5cad15d8009ffb5bc8f949397a7c4c2e3d788d0b7d2e84383";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 50 subjects x 7 clips: 7 x share is fractional for every default share, so the dealing is really random. */
    private static final SynthConfig CONFLICT = new SynthConfig(31, 50, 7, 8.0, 320, 240, 15, 16000, 400_000, 2,
            LabelDesignConfig.defaults(), ConflictDesign.defaults());

    @Test
    void subsetSharesAreMetCorpusWideAndPerSubject() {
        check(CONFLICT, 0.04);
        ConflictDesign skewed = new ConflictDesign(0.1, 0.5, 0.3, 0.1, 0.6);
        check(new SynthConfig(5, 40, 9, 4.0, 320, 240, 15, 16000, 400_000, 2, LabelDesignConfig.defaults(), skewed), 0.04);
        ConflictDesign noText = new ConflictDesign(0.5, 0.25, 0.25, 0, 0.5);
        check(new SynthConfig(6, 30, 4, 4.0, 320, 240, 15, 16000, 400_000, 2, LabelDesignConfig.defaults(), noText), 1e-9);
    }

    private static void check(SynthConfig cfg, double tolerance) {
        CorpusPlan plan = CorpusGenerator.plan(cfg);
        List<ClipPlan> clips = plan.clips();
        Map<String, Integer> counts = ConflictDesign.counts(clips);
        System.out.println("conflict subsets over " + clips.size() + " clips: " + counts + " for " + cfg.conflict());
        for (ConflictSubset s : ConflictSubset.values()) {
            double share = counts.get(s.key()) / (double) clips.size();
            assertEquals(cfg.conflict().share(s), share, tolerance, s.key() + " share over " + clips.size() + " clips");
        }
        for (SubjectProfile subject : plan.subjects()) {
            Map<ConflictSubset, Integer> n = new EnumMap<>(ConflictSubset.class);
            clips.stream().filter(p -> p.subject().equals(subject.id())).forEach(p -> n.merge(p.subset(), 1, Integer::sum));
            for (ConflictSubset s : ConflictSubset.values()) {
                double expected = cfg.clipsPerSubject() * cfg.conflict().share(s);
                assertTrue(Math.abs(n.getOrDefault(s, 0) - expected) < 1, subject.id() + " has " + n + ", expected about "
                        + expected + " " + s.key() + " clips: every subject is within one clip of its share");
            }
        }
    }

    @Test
    void subsetsAreDealtFromTheSeedAndDifferAcrossSeeds() {
        List<ConflictSubset> a = CorpusGenerator.plan(CONFLICT).clips().stream().map(ClipPlan::subset).toList();
        assertEquals(a, CorpusGenerator.plan(CONFLICT).clips().stream().map(ClipPlan::subset).toList(), "same seed, same subsets");
        assertEquals(CorpusGenerator.plan(CONFLICT), CorpusGenerator.plan(CONFLICT), "same seed, same plan");
        assertNotEquals(a, CorpusGenerator.plan(CONFLICT.withSeed(32)).clips().stream().map(ClipPlan::subset).toList());
        // the dealing is a split of its own: subjects (and each clip's generator) are those of the corpus without conflicts
        assertEquals(CorpusGenerator.plan(CONFLICT.withConflict(null)).subjects(), CorpusGenerator.plan(CONFLICT).subjects());
    }

    @Test
    void inVideoClipsTheFaceShowsTheLabelAndVoiceAndWordsTheDistractorWeaker() {
        CorpusPlan plan = CorpusGenerator.plan(CONFLICT);
        int videoClips = 0;
        for (ClipPlan p : plan.clips()) {
            if (p.subset() != ConflictSubset.VIDEO) {
                continue;
            }
            videoClips++;
            Emotion label = Emotion.parse(p.labels().emotion());
            assertEquals(p.baseEmotion(), label);
            assertNotEquals(label, p.distractor(), p.clipId());
            assertEquals(Map.of("subset", "video", "distractor", p.distractor().key()), p.metadata());
            SubjectProfile subject = plan.subject(p.subject());
            ExpressionTimeline face = new ExpressionTimeline(p, subject);
            for (SegmentPlan s : p.segments()) {
                assertEquals(label, s.face(), p.clipId() + " face shows the label");
                assertEquals(1.0, s.faceIntensity(), p.clipId() + " at full intensity");
                assertEquals(p.distractor(), s.voice(), p.clipId() + " voice shows the distractor");
                assertEquals(p.distractor(), s.words(), p.clipId() + " words show the distractor");
                assertEquals(0.5, s.voiceIntensity(), p.clipId());
                assertEquals(0.5, s.wordsIntensity(), p.clipId());
                assertEquals(SegmentType.DISCORD, s.type());
                // the rendered face away from boundaries is the label's full expression (motion moves only mouth and lids)
                if (s.duration() > 0.5) {
                    FaceParams shown = face.at((s.start() + s.end()) / 2);
                    FaceParams full = FaceParams.of(label, subject.faceExpressiveness());
                    FaceParams want = s.hesitationCue() == Modality.VIDEO ? full.withHesitation(1) : full;
                    assertEquals(want.smile(), shown.smile(), 1e-12, p.clipId());
                    assertEquals(want.browRaise(), shown.browRaise(), 1e-12, p.clipId());
                    assertEquals(want.browInner(), shown.browInner(), 1e-12, p.clipId());
                    assertEquals(want.cheekRaise(), shown.cheekRaise(), 1e-12, p.clipId());
                }
            }
        }
        assertTrue(videoClips >= 60, "about a fifth of 350 clips are video clips: " + videoClips);
    }

    @Test
    void theDistractorIsRenderedAtTheLowerIntensityInFaceVoiceAndWords() {
        SubjectProfile subject = SubjectSampler.sample("s01", new SplittableRandom(8));
        for (Emotion e : Emotion.values()) {
            FaceParams full = FaceParams.of(e, subject.faceExpressiveness());
            FaceParams half = FaceParams.of(e, subject.faceExpressiveness(), 0.5);
            FaceParams rest = FaceParams.neutral();
            assertEquals(full, FaceParams.of(e, subject.faceExpressiveness(), 1), "intensity 1 is the old expression");
            assertEquals((full.smile() - rest.smile()) / 2, half.smile() - rest.smile(), 1e-12, e + " half a smile/frown");
            assertEquals((full.browInner() - rest.browInner()) / 2, half.browInner() - rest.browInner(), 1e-12, e + " half the brow tilt");
            assertEquals((full.mouthWidth() - rest.mouthWidth()) / 2, half.mouthWidth() - rest.mouthWidth(), 1e-12, e + " half the mouth press");
            ProsodyStyle voiceFull = ProsodyStyle.of(e, subject);
            ProsodyStyle voiceHalf = ProsodyStyle.of(e, subject, 0.5);
            assertEquals(voiceFull, ProsodyStyle.of(e, subject, 1), "intensity 1 is the old prosody");
            double shiftFull = 12 * Math.log(voiceFull.f0Hz() / subject.baseF0Hz()) / Math.log(2);
            double shiftHalf = 12 * Math.log(voiceHalf.f0Hz() / subject.baseF0Hz()) / Math.log(2);
            assertEquals(shiftFull / 2, shiftHalf, 1e-9, e + ": half the F0 shift in semitones");
        }
        // in the planned speech of the whole corpus: half the F0 shift and half the emotion words
        CorpusPlan plan = CorpusGenerator.plan(CONFLICT);
        for (Emotion e : List.of(Emotion.HAPPY, Emotion.SAD)) {
            double carrierShift = meanSemitoneShift(plan, Modality.AUDIO, e, true);
            double distractorShift = meanSemitoneShift(plan, Modality.AUDIO, e, false);
            double ratio = distractorShift / carrierShift;
            System.out.printf("%s voice: mean F0 shift %.2f st as carrier, %.2f st as distractor (ratio %.2f)%n",
                    e.key(), carrierShift, distractorShift, ratio);
            assertTrue(Math.abs(carrierShift) > 2, e + " shifts F0 clearly when it is carried: " + carrierShift);
            assertTrue(ratio > 0.35 && ratio < 0.65, e + ": the distractor's F0 shift is about half the carrier's, got " + ratio);
        }
        double carrierWords = emotionWordShare(plan, true);
        double distractorWords = emotionWordShare(plan, false);
        System.out.printf("emotion words among content words: %.3f as carrier, %.3f as distractor%n", carrierWords, distractorWords);
        assertEquals(1.0, carrierWords, 1e-12, "carried text emotion: every content word is an emotion word (as in the quickstart corpus)");
        assertEquals(0.5, distractorWords, 0.06, "distractor text: about half of the content words are emotion words");
    }

    /**
     * Mean over the syllables of segments where {@code m} shows non-neutral {@code e} of the
     * syllable's F0 (geometric mean of start and end) in semitones above the speaker's neutral F0,
     * in segments where {@code m} carries the true emotion ({@code carrier}) or shows the distractor.
     */
    private static double meanSemitoneShift(CorpusPlan plan, Modality m, Emotion e, boolean carrier) {
        double sum = 0;
        int n = 0;
        for (ClipPlan p : plan.clips()) {
            SubjectProfile subject = plan.subject(p.subject());
            for (PlannedWord w : p.words()) {
                SegmentPlan s = p.segments().get(w.segment());
                if (s.emotionOf(m) != e || p.subset().carries(m) != carrier) {
                    continue;
                }
                for (Syllable syl : w.syllables()) {
                    sum += 12 * Math.log(Math.sqrt(syl.f0StartHz() * syl.f0EndHz()) / subject.baseF0Hz()) / Math.log(2);
                    n++;
                }
            }
        }
        assertTrue(n > 500, "enough syllables: " + n);
        return sum / n;
    }

    /** Share of content words that carry the segment's (non-neutral) text emotion, where the words carry or not. */
    private static double emotionWordShare(CorpusPlan plan, boolean carrier) {
        int content = 0;
        int emotional = 0;
        for (ClipPlan p : plan.clips()) {
            for (PlannedWord w : p.words()) {
                SegmentPlan s = p.segments().get(w.segment());
                Emotion carried = Vocabulary.emotionOf(w.word());
                if (s.words() == Emotion.NEUTRAL || p.subset().carries(Modality.TEXT) != carrier || carried == null) {
                    continue;
                }
                content++;
                if (carried == s.words()) {
                    emotional++;
                } else {
                    assertEquals(Emotion.NEUTRAL, carried, p.clipId() + ": '" + w.word() + "' is neither the segment's emotion nor neutral");
                }
            }
        }
        assertTrue(content > 500, "enough content words: " + content);
        return emotional / (double) content;
    }

    @Test
    void labelsAreTheTrueEmotionAndInconsistencyIsTruthful() {
        for (ClipPlan p : CorpusGenerator.plan(CONFLICT).clips()) {
            boolean conflict = p.subset() != ConflictSubset.CONSISTENT;
            assertEquals(p.baseEmotion().key(), p.labels().emotion());
            for (SegmentPlan s : p.segments()) {
                for (Modality m : Modality.values()) {
                    boolean carries = p.subset().carries(m);
                    assertEquals(carries ? p.baseEmotion() : p.distractor(), s.emotionOf(m), p.clipId() + " " + m);
                    assertEquals(carries ? 1.0 : 0.5, s.intensityOf(m), p.clipId() + " " + m);
                }
                assertEquals(conflict, s.modalitiesDisagree(), p.clipId());
                double v = 0;
                for (Modality m : Modality.values()) {
                    v += s.emotionOf(m).valence() * s.intensityOf(m);
                }
                assertEquals(v / 3, s.expressedValence(), 1e-12, "expressed valence weighs each modality by its intensity");
            }
            List<TimeSegment> whole = List.of(new TimeSegment(0, p.seconds()));
            assertEquals(conflict ? whole : List.of(), p.labels().inconsistentSegments(),
                    p.clipId() + ": a conflict clip is inconsistent wherever its modalities differ, i.e. throughout");
            assertEquals(conflict, p.labels().inconsistent());
            assertEquals(p.labels().inconsistentSegments(), p.labels().ahSegments(), "A/H is cross-modal discord, as in the quickstart corpus");
            assertEquals(conflict ? Map.of("subset", p.subset().key(), "distractor", p.distractor().key())
                    : Map.of("subset", "consistent"), p.metadata());
        }
    }

    @Test
    void offSwitchLeavesTheQuickstartPlanUnchanged() throws Exception {
        SynthConfig q = SynthConfig.quickstart();
        assertNull(q.conflict(), "conflict subsets are off by default");
        SynthConfig explicitOff = new SynthConfig(q.seed(), q.subjects(), q.clipsPerSubject(), q.clipSeconds(), q.width(), q.height(),
                q.fps(), q.audioSampleRate(), q.videoBitrate(), q.threads(), q.design(), null);
        assertEquals(q, explicitOff);
        assertEquals(q, q.withConflict(ConflictDesign.defaults()).withConflict(null));
        assertEquals(q.withConflict(ConflictDesign.defaults()).conflict(), q.withConflict(ConflictDesign.defaults()).withSeed(7).conflict(),
                "withSeed keeps the conflict design");
        CorpusPlan plan = CorpusGenerator.plan(q);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (ClipPlan p : plan.clips()) {
            byte[] json = JSON.writeValueAsBytes(p);
            String text = new String(json, StandardCharsets.UTF_8);
            assertFalse(text.contains("Intensity") || text.contains("subset") || text.contains("distractor"),
                    p.clipId() + ": nothing new in the design file: " + text);
            assertNull(p.subset());
            assertTrue(p.metadata().isEmpty());
            md.update(json);
            md.update(JSON.writeValueAsBytes(p.labels()));
            md.update(AffectTrace.csv(p.traces()).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(QUICKSTART_PLAN_SHA256, HexFormat.of().formatHex(md.digest()),
                "the quickstart plan (design files, labels, traces) must not change when conflict subsets are off");
        assertFalse(JSON.writeValueAsString(q).contains("conflict"), "corpus.json's config leaves the off switch out");
        assertTrue(JSON.writeValueAsString(q.withConflict(ConflictDesign.defaults())).contains("\"distractorIntensity\":0.5"));
    }

    @Test
    void badSharesAndIntensitiesAreRejectedNamingTheField() {
        expect("synth.conflict.consistentShare", () -> new ConflictDesign(-0.1, 0.4, 0.4, 0.3, 0.5));
        expect("synth.conflict.videoShare", () -> new ConflictDesign(0.4, 1.2, 0.2, 0.2, 0.5));
        expect("synth.conflict.audioShare", () -> new ConflictDesign(0.4, 0.2, Double.NaN, 0.2, 0.5));
        expect("synth.conflict.textShare", () -> new ConflictDesign(0.4, 0.2, 0.2, -0.2, 0.5));
        String sum = expect("sum to 1", () -> new ConflictDesign(0.4, 0.3, 0.2, 0.2, 0.5));
        assertTrue(sum.contains("consistentShare") && sum.contains("videoShare") && sum.contains("audioShare")
                && sum.contains("textShare") && sum.contains("1.1"), sum);
        expect("synth.conflict.distractorIntensity", () -> new ConflictDesign(0.4, 0.2, 0.2, 0.2, 0));
        expect("synth.conflict.distractorIntensity", () -> new ConflictDesign(0.4, 0.2, 0.2, 0.2, 1.5));
        assertEquals(0.5, ConflictDesign.defaults().distractorIntensity());
        assertEquals(ConflictDesign.defaults(), new ConflictDesign(0.4, 0.2, 0.2, 0.2, 0.5));
        assertThrows(IllegalStateException.class, () -> new ClipPlanner(LabelDesignConfig.defaults())
                .plan("c", SubjectSampler.sample("s01", new SplittableRandom(1)), 4, new SplittableRandom(2), ConflictSubset.VIDEO));
    }

    private static String expect(String fragment, Supplier<?> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
        assertTrue(e.getMessage().contains(fragment), "message names '" + fragment + "': " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void generatedConflictCorpusWritesSubsetAndDistractorMetadata(@TempDir Path tmp) throws IOException {
        SynthConfig cfg = SynthConfig.tiny(17, 2, 3, 2.0).withConflict(new ConflictDesign(0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0.5));
        Manifest generated = CorpusGenerator.generate(cfg, tmp);
        Manifest read = ManifestIO.read(tmp.resolve("manifest.json"));
        ManifestIO.validate(read, tmp.resolve("manifest.json"), true);
        List<ClipPlan> plans = CorpusGenerator.plan(cfg).clips();
        for (int i = 0; i < plans.size(); i++) {
            ClipPlan p = plans.get(i);
            Clip clip = read.clips().get(i);
            assertEquals(p.clipId(), clip.id());
            assertEquals(p.baseEmotion().key(), clip.labels().emotion());
            assertEquals(p.subset().key(), clip.metadata().get("subset"));
            assertEquals(p.distractor().key(), clip.metadata().get("distractor"));
            assertEquals(p.labels(), clip.labels());
            assertEquals(generated.clips().get(i), clip);
            JsonNode design = JSON.readTree(tmp.resolve("design/" + p.clipId() + ".json").toFile());
            assertEquals(p.subset().key(), design.at("/plan/subset").asText());
            assertEquals(p.distractor().key(), design.at("/plan/distractor").asText());
            Modality carrier = p.subset().carrier();
            JsonNode seg = design.at("/plan/segments/0");
            for (Modality m : Modality.values()) {
                String field = switch (m) {
                    case VIDEO -> "faceIntensity";
                    case AUDIO -> "voiceIntensity";
                    case TEXT -> "wordsIntensity";
                };
                assertEquals(m == carrier, seg.get(field) == null, p.clipId() + ": only the distractor's intensity is written: " + seg);
            }
            assertTrue(Files.size(tmp.resolve("media/" + p.clipId() + ".mp4")) > 0);
        }
        JsonNode corpus = JSON.readTree(tmp.resolve("corpus.json").toFile());
        assertEquals(0.5, corpus.at("/config/conflict/distractorIntensity").asDouble());
        int counted = 0;
        for (JsonNode n : corpus.get("conflictSubsets")) {
            counted += n.asInt();
        }
        assertEquals(plans.size(), counted, "corpus.json counts every clip's subset: " + corpus.get("conflictSubsets"));
        assertEquals(0, corpus.at("/conflictSubsets/consistent").asInt());
    }
}
