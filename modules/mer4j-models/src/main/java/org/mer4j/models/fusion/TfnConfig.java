package org.mer4j.models.fusion;

/**
 * Configuration of {@link TfnProvider} ({@code fusion: {type: tfn, ...}}).
 *
 * @param dModel width of the per-step representation after the fusion tensor (default 32)
 * @param modalityWidth width {@code d} of each modality's subnetwork; the fusion tensor of {@code M}
 *     modalities has {@code (d+1)^M} entries per step, so keep it small (default 8)
 * @param dropout dropout probability in [0,1) after the fusion layer (default 0.1)
 */
public record TfnConfig(int dModel, int modalityWidth, float dropout) {
    public TfnConfig {
        if (dModel <= 0) {
            throw new IllegalArgumentException("fusion.dModel must be positive, got " + dModel + "; use e.g. 32");
        }
        if (modalityWidth <= 0) {
            throw new IllegalArgumentException("fusion.modalityWidth must be positive, got " + modalityWidth
                    + "; use e.g. 8 (the fusion tensor grows as (modalityWidth+1)^M)");
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("fusion.dropout must be in [0, 1), got " + dropout + "; use e.g. 0.1");
        }
    }

    /** The defaults listed above. */
    public static TfnConfig defaults() {
        return new TfnConfig(32, 8, 0.1f);
    }
}
