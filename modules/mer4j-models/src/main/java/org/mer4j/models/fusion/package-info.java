/**
 * The fusion models shipped with mer4j (the fusion zoo), each registered by name in
 * {@code META-INF/services/org.mer4j.models.FusionModelProvider}, with a config in
 * {@code configs/zoo/NAME.yaml}; the Javadoc of each block cites its paper and says where mer4j's
 * version differs (aligned timelines, per-step fusion, smaller encoders):
 * <ul>
 *   <li>{@code early-fusion} ({@link org.mer4j.models.fusion.EarlyFusionProvider}): concatenation, BAH baselines
 *       (Belharbi et al. 2025); the unimodal baseline with one modality</li>
 *   <li>{@code late-fusion} ({@link org.mer4j.models.fusion.LateFusionProvider}): per-modality heads, learned weights
 *       (Baltrušaitis et al. 2019)</li>
 *   <li>{@code tfn} ({@link org.mer4j.models.fusion.TfnProvider}): Tensor Fusion Network (Zadeh et al. 2017)</li>
 *   <li>{@code lmf} ({@link org.mer4j.models.fusion.LmfProvider}): Low-rank Multimodal Fusion (Liu et al. 2018)</li>
 *   <li>{@code gmu} ({@link org.mer4j.models.fusion.GmuProvider}): Gated Multimodal Units (Arevalo et al. 2017)</li>
 *   <li>{@code mult} ({@link org.mer4j.models.fusion.MultProvider}): Multimodal Transformer (Tsai et al. 2019)</li>
 *   <li>{@code cross-attention} ({@link org.mer4j.models.fusion.CrossAttentionProvider}): a light MulT-style model</li>
 *   <li>{@code lfan} ({@link org.mer4j.models.fusion.LfanProvider}): leader-follower attentive fusion (Zhang et al. 2021, 2023)</li>
 *   <li>{@code can} ({@link org.mer4j.models.fusion.CanProvider}): joint cross-attention (Praveen et al. 2022)</li>
 *   <li>{@code jmt} ({@link org.mer4j.models.fusion.JmtProvider}): Joint Multimodal Transformer (Waligora et al. 2024)</li>
 *   <li>{@code atei} ({@link org.mer4j.models.fusion.AteiProvider}): acoustic–textual emotional inconsistency fusion (Su et al. 2024)</li>
 *   <li>{@code mosear} ({@link org.mer4j.models.fusion.MosearProvider}): modality experts with a regularised gate and attention
 *       reallocation (Han et al. 2025, CA-MER)</li>
 *   <li>{@code pooled-mlp} ({@link org.mer4j.models.fusion.PooledMlpProvider}): mean-pooled features and an MLP</li>
 * </ul>
 */
package org.mer4j.models.fusion;
