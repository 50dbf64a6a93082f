/**
 * Transformer building blocks shared by the fusion models: {@link org.mer4j.models.layers.ModalityEncoder}
 * (projection + sinusoidal positions + masked self-attention layers), {@link org.mer4j.models.layers.CrossModalLayer}
 * (MulT-style cross-modal attention, Tsai et al. 2019). All layers are post-norm (Vaswani et al. 2017) and use LayerNorm.
 */
package org.mer4j.models.layers;
