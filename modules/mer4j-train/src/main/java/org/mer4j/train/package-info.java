/**
 * Training and evaluation of mer4j fusion models: {@link org.mer4j.train.FusionTrainer} (the framework-owned
 * loop: the configured tasks' heads and weighted losses, Adam/AdamW/SGD with warm-up and step/cosine
 * schedules, gradient clipping, best-epoch selection on any task metric, early stopping, a checkpoint every
 * epoch with exact resume), {@link org.mer4j.train.ClipBatcher} (padding and masks),
 * {@link org.mer4j.train.TrainedModel} (prediction), {@link org.mer4j.train.Metrics} (BAH measures,
 * Belharbi et al. 2025; CCC, Pearson, RMSE) and {@link org.mer4j.train.SyntheticAlignedClips} (seeded
 * synthetic data for tests of any module). Tasks are plugins: see {@link org.mer4j.train.tasks}.
 */
package org.mer4j.train;
