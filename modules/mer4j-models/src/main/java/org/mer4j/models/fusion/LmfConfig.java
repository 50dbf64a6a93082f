package org.mer4j.models.fusion;

/**
 * Configuration of {@link LmfProvider} ({@code fusion: {type: lmf, ...}}).
 *
 * @param dModel width of the fused per-step representation (default 32)
 * @param rank rank {@code r} of the modality-specific factors (default 4; the paper finds small ranks enough)
 * @param modalityWidth width {@code d_m} of each modality's subnetwork (default 16; the cost grows
 *     linearly with it, unlike TFN's tensor)
 * @param dropout dropout probability in [0,1) on the fused output (default 0.1)
 */
public record LmfConfig(int dModel, int rank, int modalityWidth, float dropout) {
    public LmfConfig {
        if (dModel <= 0) {
            throw new IllegalArgumentException("fusion.dModel must be positive, got " + dModel + "; use e.g. 32");
        }
        if (rank <= 0) {
            throw new IllegalArgumentException("fusion.rank must be positive, got " + rank + "; use e.g. 4");
        }
        if (modalityWidth <= 0) {
            throw new IllegalArgumentException("fusion.modalityWidth must be positive, got " + modalityWidth + "; use e.g. 16");
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("fusion.dropout must be in [0, 1), got " + dropout + "; use e.g. 0.1");
        }
    }

    /** The defaults listed above. */
    public static LmfConfig defaults() {
        return new LmfConfig(32, 4, 16, 0.1f);
    }
}
