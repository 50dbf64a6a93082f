package org.mer4j.text.asr;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.mer4j.api.TimedWord;

/**
 * Offline recognition with CMU PocketSphinx (Huggins-Daines et al., "PocketSphinx: A free,
 * real-time continuous speech recognition system for hand-held devices", ICASSP 2006), run as
 * Debian's {@code pocketsphinx_continuous -infile X.wav -time yes} over a 16 kHz mono 16-bit WAV
 * made by {@link Wav16k}. Its timed output ({@code word start end confidence}, seconds from the
 * start of the file) becomes {@link TimedWord}s: sentence and silence markers ({@code <s>},
 * {@code </s>}, {@code <sil>}), noise tokens ({@code [NOISE]}, {@code ++...++}) are dropped and
 * pronunciation variants ({@code probably(2)}) lose their suffix. Install:
 * {@code apt-get install -y pocketsphinx pocketsphinx-en-us}.
 */
public final class PocketSphinxRecognizer implements SpeechRecognizer {
    /** Engine name. */
    public static final String NAME = "pocketsphinx";
    /** The apt line that installs the engine and its model. */
    public static final String INSTALL = "apt-get install -y pocketsphinx pocketsphinx-en-us";
    private final PocketSphinxConfig config;

    public PocketSphinxRecognizer(PocketSphinxConfig config) {
        this.config = config == null ? PocketSphinxConfig.defaults() : config;
    }

    @Override
    public String name() {
        return NAME;
    }

    public PocketSphinxConfig config() {
        return config;
    }

    @Override
    public String version() {
        return "pocketsphinx " + debianVersion("pocketsphinx") + " (model pocketsphinx-en-us " + debianVersion("pocketsphinx-en-us") + ")";
    }

    @Override
    public void checkAvailable() throws AsrUnavailableException {
        if (resolveBinary() == null) {
            throw new AsrUnavailableException("pocketsphinx: '" + config.binary() + "' not found on PATH; install it with `"
                    + INSTALL + "` (Debian/Ubuntu) or set asr.pocketsphinx.binary to its path");
        }
        for (String p : List.of(config.hmmDir(), config.lmFile(), config.dictFile())) {
            if (!Files.exists(Path.of(p))) {
                throw new AsrUnavailableException("pocketsphinx: model file " + p + " is missing; install the US English model with `"
                        + INSTALL + "` or set asr.pocketsphinx.hmmDir/lmFile/dictFile");
            }
        }
    }

    @Override
    public List<TimedWord> transcribe(Path media) throws AsrException {
        checkAvailable();
        byte[] pcm = Wav16k.pcm(media, config.padSeconds());
        double clipEnd = Math.max(0, pcm.length / 2.0 / Wav16k.RATE - 2 * config.padSeconds());
        Path tmp = null;
        try {
            tmp = Files.createTempFile("mer4j-asr-", ".wav");
            Wav16k.write(tmp, pcm);
            List<String> cmd = List.of(resolveBinary(), "-infile", tmp.toString(), "-time", "yes", "-hmm", config.hmmDir(),
                    "-lm", config.lmFile(), "-dict", config.dictFile(), "-logfn", "/dev/null");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] stdout = p.getInputStream().readAllBytes();
            if (!p.waitFor(config.timeoutSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AsrException("pocketsphinx: " + media + " took over " + config.timeoutSeconds() + " s; raise asr.pocketsphinx.timeoutSeconds");
            }
            if (p.exitValue() != 0) {
                throw new AsrException("pocketsphinx: exit code " + p.exitValue() + " on " + media + "; run `" + String.join(" ", cmd)
                        + "` by hand (without -logfn) to see the error");
            }
            return parse(new String(stdout, StandardCharsets.UTF_8), config.padSeconds(), clipEnd);
        } catch (IOException e) {
            throw new AsrException("pocketsphinx: cannot run on " + media + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AsrException("pocketsphinx: interrupted", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp file; the OS cleans up
                }
            }
        }
    }

    /**
     * Parses {@code -time yes} output: lines of {@code word start end confidence}; times are shifted
     * by {@code -offset} and clamped into {@code [0, clipEnd]}.
     */
    static List<TimedWord> parse(String output, double offset, double clipEnd) {
        List<TimedWord> words = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String[] f = line.strip().split("\\s+");
            if (f.length != 4 || !isNumber(f[1]) || !isNumber(f[2]) || !isNumber(f[3])) {
                continue;
            }
            String w = f[0];
            if (w.startsWith("<") || w.startsWith("[") || w.startsWith("++")) {
                continue;
            }
            int paren = w.indexOf('(');
            if (paren > 0) {
                w = w.substring(0, paren);
            }
            double s = clamp(Double.parseDouble(f[1]) - offset, clipEnd);
            double e = clamp(Double.parseDouble(f[2]) - offset, clipEnd);
            if (!words.isEmpty()) {
                s = Math.max(s, words.get(words.size() - 1).end());
            }
            words.add(new TimedWord(w.toLowerCase(Locale.ROOT), s, Math.max(s, e)));
        }
        return words;
    }

    private static double clamp(double t, double max) {
        return Math.max(0, Math.min(max, t));
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String resolveBinary() {
        String b = config.binary();
        if (b.contains(File.separator)) {
            return Files.isExecutable(Path.of(b)) ? b : null;
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/usr/local/bin" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir, b);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    static String debianVersion(String pkg) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", pkg).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !v.isEmpty() ? v : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
