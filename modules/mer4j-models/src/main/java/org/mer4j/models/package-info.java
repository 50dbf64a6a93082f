/**
 * Fusion models for mer4j as DJL blocks behind a ServiceLoader SPI, and the framework's task heads.
 *
 * <h2>Contract</h2>
 * A {@link org.mer4j.models.FusionBlock} takes, for each modality of {@link org.mer4j.models.ModelSpec#modalities()}
 * in order, features {@code [B,T,D_m]} float32, then mask {@code [B,T]} float32 (1 valid, 0 padded or missing),
 * and returns a {@link org.mer4j.models.FusedOutput}: a per-step representation {@code [B,T,D]} and/or a pooled
 * one {@code [B,D]}, optional head outputs and named auxiliary outputs. It does not know which tasks are trained:
 * the framework wraps it in a {@link org.mer4j.models.TaskModel} that attaches the heads of the configured tasks
 * ({@link org.mer4j.models.heads.TaskHeads}, one per {@link org.mer4j.models.heads.HeadSpec} of the spec).
 * Validate inputs with {@link org.mer4j.models.FusionInputs#parse}.
 *
 * <h2>Plugging in a new fusion model</h2>
 * <ol>
 *   <li>Write an immutable {@code record MyFusionConfig(...)} whose compact constructor validates every
 *       field and names it in the error ({@code fusion.<field>}) together with a valid example.</li>
 *   <li>Write the model as a subclass of {@link org.mer4j.models.AbstractFusionBlock} (reuse
 *       {@link org.mer4j.models.layers.ModalityEncoder} and {@link org.mer4j.models.layers.CrossModalLayer}):
 *       implement {@code fuse}, {@code stepWidth()} (and {@code pooledWidth()} when it pools) and
 *       {@code initializeChildBlocks}. A model with per-modality heads builds
 *       {@link org.mer4j.models.heads.TaskHeads} from {@code spec.heads()} and returns their outputs in
 *       {@link org.mer4j.models.FusedOutput#headOutputs()}.</li>
 *   <li>Implement {@link org.mer4j.models.FusionModelProvider}{@code <MyFusionConfig>} with a unique
 *       {@code name()} (the {@code fusion.type} in configs), {@code configType()}, {@code defaultConfig()} and
 *       {@code build(config, spec)}.</li>
 *   <li>List the provider's class name in {@code META-INF/services/org.mer4j.models.FusionModelProvider} of
 *       your jar. {@link org.mer4j.models.FusionRegistry#load()} finds it; duplicate names fail at start-up.</li>
 * </ol>
 */
package org.mer4j.models;
