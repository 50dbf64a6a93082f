/**
 * Transformer building blocks shared by the fusion models: {@link org.mer4j.models.layers.ModalityEncoder}
 * (projection + sinusoidal positions + masked self-attention layers), {@link org.mer4j.models.layers.CrossModalLayer}
 * (MulT-style cross-modal attention, Tsai et al. 2019) and {@link org.mer4j.models.layers.PredictionHeads}
 * (frame A/H and pooled emotion heads). All layers are post-norm (Vaswani et al. 2017) and use LayerNorm.
 */
package org.mer4j.models.layers;
