package org.mer4j.text.asr;

/**
 * Settings of the {@code pocketsphinx} engine; the defaults are the paths Debian's packages
 * {@code pocketsphinx} and {@code pocketsphinx-en-us} install.
 *
 * @param binary the {@code pocketsphinx_continuous} executable, a name on PATH or a path (default {@code pocketsphinx_continuous})
 * @param hmmDir acoustic model directory (default {@code /usr/share/pocketsphinx/model/en-us/en-us})
 * @param lmFile language model (default {@code /usr/share/pocketsphinx/model/en-us/en-us.lm.bin})
 * @param dictFile pronunciation dictionary (default {@code /usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict})
 * @param padSeconds silence added before and after the audio, in [0, 5] (default 0.5); word times are shifted back
 * @param timeoutSeconds longest a file may take, in [1, 86400] (default 600)
 */
public record PocketSphinxConfig(String binary, String hmmDir, String lmFile, String dictFile, double padSeconds, int timeoutSeconds) {
    /** Where Debian's pocketsphinx-en-us puts the US English model. */
    public static final String DEBIAN_MODEL = "/usr/share/pocketsphinx/model/en-us";

    public PocketSphinxConfig {
        binary = binary == null || binary.isBlank() ? "pocketsphinx_continuous" : binary;
        hmmDir = hmmDir == null || hmmDir.isBlank() ? DEBIAN_MODEL + "/en-us" : hmmDir;
        lmFile = lmFile == null || lmFile.isBlank() ? DEBIAN_MODEL + "/en-us.lm.bin" : lmFile;
        dictFile = dictFile == null || dictFile.isBlank() ? DEBIAN_MODEL + "/cmudict-en-us.dict" : dictFile;
        if (!(padSeconds >= 0) || padSeconds > 5) {
            throw new IllegalArgumentException("asr.pocketsphinx.padSeconds must be in [0, 5], got " + padSeconds + "; 0.5 is the default");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 86400) {
            throw new IllegalArgumentException("asr.pocketsphinx.timeoutSeconds must be in [1, 86400], got " + timeoutSeconds);
        }
    }

    /** Debian paths, 0.5 s padding, 600 s timeout. */
    public static PocketSphinxConfig defaults() {
        return new PocketSphinxConfig(null, null, null, null, 0.5, 600);
    }
}
