/**
 * Training and evaluation of mer4j fusion models: {@link org.mer4j.train.FusionTrainer} (DJL Trainer, Adam,
 * masked class-weighted frame BCE + emotion CE, early stopping on validation A/H frame macro F1, atomic
 * checkpoints), {@link org.mer4j.train.ClipBatcher} (padding and masks), {@link org.mer4j.train.TrainedModel}
 * (prediction), {@link org.mer4j.train.Metrics} (BAH measures, Belharbi et al. 2025) and
 * {@link org.mer4j.train.SyntheticAlignedClips} (seeded synthetic data for tests of any module).
 */
package org.mer4j.train;
