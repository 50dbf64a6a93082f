package org.mer4j.models;

/**
 * Service-provider entry point of a fusion model, discovered by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/org.mer4j.models.FusionModelProvider} and chosen by
 * {@link #name()} in experiment configs.
 *
 * <p><b>Block contract.</b> The built {@link FusionBlock} takes, for each modality of
 * {@link ModelSpec#modalities()} in order, the features {@code [B,T,D_m]} (float32) then the step mask
 * {@code [B,T]} (float32, 1 valid, 0 padded or missing): {@code (x_1, mask_1, x_2, mask_2, ...)}. All
 * modalities share the aligned timeline length T. It returns a {@link FusedOutput} (per-step and/or
 * pooled representations, optional head outputs and auxiliary outputs); the framework attaches the
 * heads of the configured tasks ({@link TaskModel}). It must reject inputs of the wrong count or
 * shape with a message that names the input and the expected shape (see {@link FusionInputs}).
 *
 * @param <C> the immutable, validated configuration record of this model
 */
public interface FusionModelProvider<C extends Record> {

    /** Unique name used in configs, e.g. {@code early-fusion}. */
    String name();

    /** The configuration record type (configs are read into it). */
    Class<C> configType();

    /** The configuration used when an experiment does not set one. */
    C defaultConfig();

    /** Builds a new, uninitialised block for {@code spec}. */
    FusionBlock build(C config, ModelSpec spec);

    /**
     * Builds from an untyped config, checking its type first.
     *
     * @throws IllegalArgumentException when {@code config} is not a {@link #configType()}
     */
    default FusionBlock buildUnchecked(Record config, ModelSpec spec) {
        if (!configType().isInstance(config)) {
            throw new IllegalArgumentException("fusion model '" + name() + "' needs a " + configType().getSimpleName()
                    + " config, got " + (config == null ? "null" : config.getClass().getSimpleName()));
        }
        return build(configType().cast(config), spec);
    }
}
