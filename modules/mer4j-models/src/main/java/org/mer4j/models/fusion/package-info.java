/**
 * The fusion models shipped with mer4j: {@code early-fusion} ({@link org.mer4j.models.fusion.EarlyFusionProvider},
 * BAH baselines, Belharbi et al. 2025; the unimodal baseline when the spec has one modality) and
 * {@code cross-attention} ({@link org.mer4j.models.fusion.CrossAttentionProvider}, MulT, Tsai et al. 2019).
 */
package org.mer4j.models.fusion;
