/**
 * Optimisers whose state is checkpointed exactly ({@link org.mer4j.train.optim.StatefulOptimizer}: Adam, AdamW,
 * SGD with momentum), learning-rate schedules with warm-up ({@link org.mer4j.train.optim.LearningRateSchedule})
 * and global gradient-norm clipping ({@link org.mer4j.train.optim.GradientClipping}).
 */
package org.mer4j.train.optim;
