/**
 * Fusion models for mer4j as DJL {@link ai.djl.nn.Block}s behind a ServiceLoader SPI.
 *
 * <h2>Block contract</h2>
 * Inputs, for each modality of {@link org.mer4j.models.ModelSpec#modalities()} in order: features
 * {@code [B,T,D_m]} float32, then mask {@code [B,T]} float32 (1 valid, 0 padded or missing). Outputs
 * {@code (ahLogits [B,T], emotionLogits [B,E])}. Validate inputs with {@link org.mer4j.models.FusionInputs#parse}.
 *
 * <h2>Plugging in a new fusion model</h2>
 * <ol>
 *   <li>Write an immutable {@code record MyFusionConfig(...)} whose compact constructor validates every
 *       field and names it in the error ({@code fusion.<field>}) together with a valid example.</li>
 *   <li>Write the model as a DJL {@code AbstractBlock} following the contract above (reuse
 *       {@link org.mer4j.models.layers.ModalityEncoder}, {@link org.mer4j.models.layers.CrossModalLayer} and
 *       {@link org.mer4j.models.layers.PredictionHeads}); override {@code initializeChildBlocks} and
 *       {@code getOutputShapes}.</li>
 *   <li>Implement {@link org.mer4j.models.FusionModelProvider}{@code <MyFusionConfig>} with a unique
 *       {@code name()} (the {@code fusion.type} in configs), {@code configType()}, {@code defaultConfig()} and
 *       {@code build(config, spec)}.</li>
 *   <li>List the provider's class name in {@code META-INF/services/org.mer4j.models.FusionModelProvider} of
 *       your jar. {@link org.mer4j.models.FusionRegistry#load()} finds it; duplicate names fail at start-up.</li>
 *   <li>Add your provider to the class path of the models tests: {@code FusionProviderContractTest} runs over
 *       every registered provider (default build, learns a separable task, save/load round-trip, same seed same
 *       output, wrong shapes rejected).</li>
 * </ol>
 */
package org.mer4j.models;
