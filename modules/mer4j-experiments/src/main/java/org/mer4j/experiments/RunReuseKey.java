package org.mer4j.experiments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.features.Hashing;

/**
 * What a finished run folder must agree with to be reused instead of retrained: the resolved
 * config, the code commit, the PyTorch/OpenMP thread settings, the splits, and the data the runs
 * actually train and test on — every clip that survived extraction with its subject, its aligned
 * feature values and masks (bit for bit) and its labels — plus, by sha256, the jar of every plug-in
 * class the experiment uses (fusion models, tasks, extractors) that does not come with mer4j itself
 * (mer4j's own code is covered by the commit). Editing a label or a transcript, rebuilding a plug-in
 * jar, or losing a clip therefore gives a new key, and the runs are trained again rather than
 * reported as "finished earlier". Clip metadata is part of the data too: rows read it for
 * conversational context ({@code rows[].context}) and tables group by it ({@code report.groupBy}).
 * (A model file replaced at the same path changes the features, which the feature cache keys by
 * the file's sha256, so it is seen here through the aligned values.)
 */
final class RunReuseKey {
    private RunReuseKey() {
    }

    /**
     * @param dataDigest {@link #dataDigest} of the clips the runs use
     * @param pluginClasses classes of the providers in use; those loaded from a jar other than mer4j's own
     *     contribute the jar's sha256
     */
    static String of(String configYaml, Object commit, Map<String, Object> threads, String splitsJson, String dataDigest,
                     Collection<Class<?>> pluginClasses) throws IOException {
        MessageDigest md = sha256();
        update(md, "config\n" + configYaml);
        update(md, "\ncommit " + commit);
        update(md, "\nthreads " + new TreeMap<>(threads));
        update(md, "\nsplits " + splitsJson);
        update(md, "\ndata " + dataDigest);
        TreeSet<String> jars = new TreeSet<>();
        Path own = PluginJars.jarOf(RunReuseKey.class);
        for (Class<?> c : pluginClasses) {
            Path jar = PluginJars.jarOf(c);
            if (jar != null && !jar.equals(own)) {
                jars.add(jar.getFileName() + "=" + Hashing.sha256(jar));
            }
        }
        update(md, "\nplugins " + jars);
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 over every clip in order: id, subject, rate, steps, per modality its dims, feature bits and mask, and the labels. */
    static String dataDigest(Collection<AlignedClip> clips, Map<String, Map<String, String>> metadata) {
        MessageDigest md = sha256();
        for (AlignedClip c : clips) {
            update(md, "\nclip " + c.clipId() + " " + c.subject() + " " + c.rate() + " " + c.steps());
            update(md, " metadata " + new TreeMap<>(metadata.getOrDefault(c.clipId(), Map.of())));
            for (Modality m : new TreeSet<>(c.features().keySet())) {
                float[] x = c.features().get(m);
                boolean[] mask = c.masks().get(m);
                update(md, " " + m.key() + " " + c.dims().get(m) + ":");
                ByteBuffer b = ByteBuffer.allocate(4 * x.length + mask.length);
                for (float v : x) {
                    b.putInt(Float.floatToIntBits(v));
                }
                for (boolean v : mask) {
                    b.put((byte) (v ? 1 : 0));
                }
                md.update(b.array());
            }
            update(md, " labels " + Hashing.canonicalJson(c.labels()));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String text) {
        md.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
