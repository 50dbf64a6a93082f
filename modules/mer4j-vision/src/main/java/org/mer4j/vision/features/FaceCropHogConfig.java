package org.mer4j.vision.features;

import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * Settings of {@code face-crop-hog}.
 *
 * @param face the face pipeline (default {@link FacePipelineConfig#defaults()})
 * @param hogSize side of the gray image the aligned crop is resized to for the HOG, a multiple of cellSize, in [16, 256] (default 64)
 * @param cellSize HOG cell side in pixels; 2x2-cell blocks moved one cell (default 16: 324 values at 64)
 * @param bins orientation bins per cell, in [4, 18] (default 9)
 */
public record FaceCropHogConfig(FacePipelineConfig face, int hogSize, int cellSize, int bins) {
    public FaceCropHogConfig {
        face = face == null ? FacePipelineConfig.defaults() : face;
        if (hogSize < 16 || hogSize > 256) {
            throw new IllegalArgumentException("face-crop-hog.hogSize must be in [16, 256] pixels, got " + hogSize + "; 64 is the default");
        }
        if (cellSize < 4 || hogSize % cellSize != 0 || hogSize / cellSize < 2) {
            throw new IllegalArgumentException("face-crop-hog.cellSize must be >= 4, divide hogSize=" + hogSize
                    + " and leave at least 2 cells per side, got " + cellSize + "; try 8 or 16");
        }
        if (bins < 4 || bins > 18) {
            throw new IllegalArgumentException("face-crop-hog.bins must be in [4, 18], got " + bins + "; 9 is the default");
        }
    }

    public static FaceCropHogConfig defaults() {
        return new FaceCropHogConfig(FacePipelineConfig.defaults(), 64, 16, 9);
    }
}
