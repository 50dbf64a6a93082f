package org.mer4j.vision.features;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.mer4j.vision.pipeline.FaceModels;
import org.mer4j.vision.pipeline.FaceObservation;
import org.mer4j.vision.pipeline.FacePipelineConfig;

/**
 * {@code face-torchscript}: a user's TorchScript image encoder run with DJL's PyTorch engine on
 * the aligned crop. The model is loaded once per extractor; the row width is read from the
 * model's output on a blank input at load time; each session has its own predictor.
 */
final class FaceTorchScriptExtractor extends AbstractFaceExtractor<FaceTorchScriptConfig> {
    private final FaceTorchScriptConfig cfg;
    private final ZooModel<NDList, NDList> model;
    private final int dim;
    private final String modelSha256;

    FaceTorchScriptExtractor(FaceTorchScriptConfig cfg, Function<FacePipelineConfig, FaceModels> models) {
        super(FaceTorchScriptProvider.NAME, cfg, cfg.face(), models);
        this.cfg = cfg;
        if (cfg.modelPath() == null) {
            close();
            throw new IllegalArgumentException("face-torchscript.modelPath is required: the path of a TorchScript file"
                    + " (torch.jit.save of a traced or scripted image encoder taking [1, 3, inputSize, inputSize])");
        }
        Path file = Path.of(cfg.modelPath()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            close();
            throw new IllegalArgumentException("face-torchscript.modelPath: no file at " + file
                    + "; give the path of a TorchScript .pt file saved with torch.jit.save");
        }
        try {
            this.modelSha256 = org.mer4j.api.PinnedFiles.verify("face-torchscript.modelPath", "face-torchscript.modelSha256", file,
                    cfg.modelSha256());
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.getMessage(), e);
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optModelName(stem)
                .optEngine("PyTorch")
                .optTranslator(new NoopTranslator())
                .build();
        try {
            this.model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            close();
            throw new IllegalArgumentException("face-torchscript.modelPath: DJL's PyTorch engine could not load " + file
                    + " as TorchScript (" + e.getMessage() + "); save the model with torch.jit.save(torch.jit.trace(model, example), path)", e);
        }
        int d;
        try (Predictor<NDList, NDList> p = model.newPredictor(); NDManager m = model.getNDManager().newSubManager()) {
            int s = cfg.inputSize();
            NDList out = p.predict(new NDList(m.zeros(new Shape(1, 3, s, s))));
            d = outputDim(out, file);
            out.close();
        } catch (TranslateException | RuntimeException e) {
            model.close();
            close();
            throw new IllegalArgumentException("face-torchscript: " + file + " failed on a [1, 3, " + cfg.inputSize() + ", "
                    + cfg.inputSize() + "] input (" + e.getMessage() + "); check face-torchscript.inputSize", e);
        }
        this.dim = d;
    }

    private static int outputDim(NDList out, Path file) {
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the model " + file + " returned no tensor");
        }
        NDArray a = out.get(0);
        long n = a.getShape().size();
        long batch = a.getShape().dimension() > 1 ? a.getShape().get(0) : 1;
        long d = batch == 1 ? n : n / batch;
        if (d < 1 || d > 1_000_000) {
            throw new IllegalArgumentException("the model " + file + " returned a tensor of shape " + a.getShape()
                    + "; expected [1, D] features");
        }
        return (int) d;
    }

    /** Width of the row: read from the model. */
    int dim() {
        return dim;
    }

    @Override
    FaceFeature newFeature(FaceModels models) {
        Predictor<NDList, NDList> predictor = model.newPredictor();
        int s = cfg.inputSize();
        float[] input = new float[3 * s * s];
        byte[] pixels = new byte[3 * s * s];
        Mat resized = new Mat();
        boolean rgb = cfg.channelOrder().equals("rgb");
        float[] mean = new float[3];
        float[] std = new float[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = cfg.mean().get(c).floatValue();
            std[c] = cfg.std().get(c).floatValue();
        }
        return new FaceFeature() {
            @Override
            public int dim() {
                return dim;
            }

            @Override
            public boolean compute(FaceObservation obs, float[] row) {
                Mat crop = obs.crop();
                try (Size size = new Size(s, s)) {
                    resize(crop, resized, size, 0, 0, crop.cols() > s ? INTER_AREA : INTER_LINEAR);
                }
                resized.data().get(pixels);
                int plane = s * s;
                for (int i = 0; i < plane; i++) {
                    for (int c = 0; c < 3; c++) {
                        int src = rgb ? 2 - c : c; // crop is BGR
                        input[c * plane + i] = ((pixels[3 * i + src] & 0xff) / 255f - mean[c]) / std[c];
                    }
                }
                try (NDManager m = model.getNDManager().newSubManager()) {
                    NDList out = predictor.predict(new NDList(m.create(input, new Shape(1, 3, s, s))));
                    float[] v = out.get(0).toFloatArray();
                    out.close();
                    if (v.length != dim) {
                        throw new IllegalStateException("face-torchscript: the model returned " + v.length + " values, expected " + dim);
                    }
                    System.arraycopy(v, 0, row, 0, dim);
                    return true;
                } catch (TranslateException e) {
                    throw new IllegalStateException("face-torchscript: inference failed: " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                predictor.close();
                resized.close();
            }
        };
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
        super.close();
    }

    /** The model file's sha256 (checked against {@code modelSha256} at load), part of the feature cache key. */
    @Override
    public java.util.Map<String, String> fileDigests() {
        return java.util.Map.of("model", modelSha256);
    }
}
