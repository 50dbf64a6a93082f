package org.mer4j.vision;

/**
 * Settings of the {@code face-hog} extractor.
 *
 * @param detector Haar detector settings (default {@link HaarFaceConfig#defaults()})
 * @param detectEvery run the detector on every k-th delivered frame and reuse the last box in between, in [1, 30] (default 1)
 * @param boxSmoothing weight of the previous box in an exponential moving average of boxes, in [0, 1) (default 0.5; 0 = none)
 * @param margin crop margin around the box as a fraction of its size on each side, in [0, 1] (default 0.1)
 * @param cropSize side of the square gray crop the HOG is computed on, a multiple of cellSize, in [16, 256] (default 64)
 * @param cellSize HOG cell side in pixels; blocks are 2x2 cells moved by one cell (default 16, giving 324 values at 64)
 * @param bins orientation bins per cell, in [4, 18] (default 9)
 * @param trackSizeRatio while a face is tracked, the detector first scans only face sides within this factor of the last
 *                       detected side (e.g. 1.5: from side / 1.5 to side * 1.5) and scans every size only when that finds
 *                       nothing; a cascade spends most of its time on the smallest sizes, so this is the detector's main
 *                       saving on a tracked face. The largest face is then the largest near the tracked size: a much
 *                       larger face entering the picture is taken only once the tracked one is lost. In [1, 10]; 1 scans
 *                       every size on every detection (default 1.5)
 */
public record FaceHogConfig(HaarFaceConfig detector, int detectEvery, double boxSmoothing, double margin, int cropSize,
                            int cellSize, int bins, double trackSizeRatio) {
    public FaceHogConfig {
        if (detector == null) {
            detector = HaarFaceConfig.defaults();
        }
        if (detectEvery < 1 || detectEvery > 30) {
            throw new IllegalArgumentException("face-hog.detectEvery must be in [1, 30] frames, got " + detectEvery + "; 1 detects on every frame");
        }
        if (!(boxSmoothing >= 0) || !(boxSmoothing < 1)) {
            throw new IllegalArgumentException("face-hog.boxSmoothing must be in [0, 1), got " + boxSmoothing + "; 0 turns smoothing off");
        }
        if (!(margin >= 0) || margin > 1) {
            throw new IllegalArgumentException("face-hog.margin must be in [0, 1], got " + margin + "; 0.1 adds 10% on each side");
        }
        if (cropSize < 16 || cropSize > 256) {
            throw new IllegalArgumentException("face-hog.cropSize must be in [16, 256] pixels, got " + cropSize + "; 64 is the default");
        }
        if (cellSize < 4 || cropSize % cellSize != 0 || cropSize / cellSize < 2) {
            throw new IllegalArgumentException("face-hog.cellSize must be >= 4, divide cropSize=" + cropSize
                    + " and leave at least 2 cells per side, got " + cellSize + "; try 8 or 16");
        }
        if (bins < 4 || bins > 18) {
            throw new IllegalArgumentException("face-hog.bins must be in [4, 18], got " + bins + "; 9 is Dalal and Triggs' choice");
        }
        if (!(trackSizeRatio >= 1) || trackSizeRatio > 10) {
            throw new IllegalArgumentException("face-hog.trackSizeRatio must be in [1, 10], got " + trackSizeRatio
                    + "; 1.5 scans sides from 2/3 to 3/2 of the tracked face's, 1 scans every size");
        }
    }

    /** Detect on every frame, smoothing 0.5, margin 0.1, 64x64 crop, 16-pixel cells, 9 bins (324 HOG values), size tracking 1.5. */
    public static FaceHogConfig defaults() {
        return new FaceHogConfig(HaarFaceConfig.defaults(), 1, 0.5, 0.1, 64, 16, 9, 1.5);
    }

    /** Length of the HOG part: blocks of 2x2 cells moved one cell at a time. */
    public int hogDim() {
        int cells = cropSize / cellSize;
        return (cells - 1) * (cells - 1) * 4 * bins;
    }

    /** Full row width: HOG plus the 4 geometric values. */
    public int dim() {
        return hogDim() + FaceHogDescriptor.GEOMETRY_DIM;
    }
}
