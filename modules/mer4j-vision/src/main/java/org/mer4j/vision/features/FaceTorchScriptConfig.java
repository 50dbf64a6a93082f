package org.mer4j.vision.features;

import java.util.List;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * Settings of {@code face-torchscript}.
 *
 * @param face the face pipeline (default {@link FacePipelineConfig#defaults()})
 * @param modelPath path of a TorchScript file ({@code torch.jit.save}) taking {@code [1, 3, inputSize, inputSize]}
 *                  float images and returning one tensor whose elements form the feature row; required
 * @param inputSize side of the square input, in [16, 1024] (default 224)
 * @param mean per-channel mean subtracted after scaling pixels to [0, 1] (default ImageNet 0.485, 0.456, 0.406)
 * @param std per-channel divisor (default ImageNet 0.229, 0.224, 0.225)
 * @param channelOrder {@code rgb} or {@code bgr} (default {@code rgb})
 * @param modelSha256 the sha256 of the model file, required: a TorchScript file is code and can run file
 *     operations when loaded, so a file that is not the pinned one is never loaded ({@link org.mer4j.api.PinnedFiles})
 */
public record FaceTorchScriptConfig(FacePipelineConfig face, String modelPath, int inputSize, List<Double> mean, List<Double> std,
                                    String channelOrder, String modelSha256) {
    public FaceTorchScriptConfig {
        face = face == null ? FacePipelineConfig.defaults() : face;
        if (modelPath != null && modelPath.isBlank()) {
            modelPath = null;
        }
        if (inputSize < 16 || inputSize > 1024) {
            throw new IllegalArgumentException("face-torchscript.inputSize must be in [16, 1024] pixels, got " + inputSize);
        }
        mean = mean == null ? List.of(0.485, 0.456, 0.406) : List.copyOf(mean);
        std = std == null ? List.of(0.229, 0.224, 0.225) : List.copyOf(std);
        if (mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException("face-torchscript.mean and .std need 3 values (one per channel), got " + mean + " and " + std);
        }
        for (Double s : std) {
            if (s == null || !(s > 0)) {
                throw new IllegalArgumentException("face-torchscript.std values must be > 0, got " + std);
            }
        }
        if (channelOrder == null || channelOrder.isBlank()) {
            channelOrder = "rgb";
        }
        if (!channelOrder.equals("rgb") && !channelOrder.equals("bgr")) {
            throw new IllegalArgumentException("face-torchscript.channelOrder must be rgb or bgr, got '" + channelOrder + "'");
        }
    }

    /** These settings with another model file and its pinned sha256. */
    public FaceTorchScriptConfig withModel(String path, String sha256) {
        return new FaceTorchScriptConfig(face, path, inputSize, mean, std, channelOrder, sha256);
    }

    /** No model (required: set modelPath and modelSha256), 224 input, ImageNet normalisation, RGB. */
    public static FaceTorchScriptConfig defaults() {
        return new FaceTorchScriptConfig(FacePipelineConfig.defaults(), null, 224, null, null, "rgb", null);
    }
}
