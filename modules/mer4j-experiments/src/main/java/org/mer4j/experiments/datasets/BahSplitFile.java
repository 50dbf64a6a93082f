package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.Excerpt;
import org.mer4j.api.ManifestException;

/**
 * One BAH video-level split file ({@code train.txt}, {@code val.txt}, {@code test.txt}; Belharbi et
 * al. 2025, {@code dataset-splits/video-level/BAH_DB/split-0/} of the dataset's code): one line per
 * video, {@code <video path>,<class id>,<transcript>}, e.g.
 * {@code Videos/82725/Visite_1/82725_Question_1_2024-11-19_15-12-23_Video.mp4,0,Well, when I wake up ...}.
 * Only the first two commas separate fields: the transcript keeps its own commas, and may be empty.
 * The class id is 0 or 1 as {@code class_id.yaml} maps them. Blank lines are skipped; a byte-order
 * mark and Windows line ends are tolerated.
 */
final class BahSplitFile {
    /**
     * One line.
     *
     * @param video the video path as written, with {@code \} turned into {@code /} and a leading {@code ./} removed
     * @param classId 0 or 1
     * @param text the transcript (may be empty)
     * @param file the split file
     * @param line its 1-based line number
     */
    record Entry(String video, int classId, String text, Path file, int line) {
        /** {@code file line N}, for messages. */
        String where() {
            return file + " line " + line;
        }
    }

    private BahSplitFile() {
    }

    /** Reads a split file; malformed lines fail naming the file, the line and the fix. */
    static List<Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            int c1 = line.indexOf(',');
            int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
            if (c1 < 0) {
                throw new ManifestException(where + ": expected '<video path>,<0|1>,<transcript>' (e.g. Videos/82725/Visite_1/"
                        + "82725_Question_1_..._Video.mp4,0,Well, ...), got " + Excerpt.quote(line) + " without a comma; fix the line or remove it");
            }
            String video = normalise(line.substring(0, c1).strip());
            String label = (c2 < 0 ? line.substring(c1 + 1) : line.substring(c1 + 1, c2)).strip();
            String text = c2 < 0 ? "" : line.substring(c2 + 1).strip();
            if (video.isEmpty()) {
                throw new ManifestException(where + ": the video path (before the first comma) is empty; give the path of the"
                        + " video relative to the corpus folder, e.g. Videos/82725/Visite_1/..._Video.mp4");
            }
            int id;
            if (label.equals("0")) {
                id = 0;
            } else if (label.equals("1")) {
                id = 1;
            } else {
                throw new ManifestException(where + ": the video label (between the first and second comma) is " + Excerpt.quote(label)
                        + "; BAH's video-level labels are 0 (No A-H) or 1 (With A-H), see class_id.yaml; fix the line");
            }
            entries.add(new Entry(video, id, text, file, i + 1));
        }
        return entries;
    }

    /** A video path with forward slashes and no leading {@code ./}. */
    static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
