/**
 * Optimisers whose whole state is checkpointed exactly, for resumable training:
 * {@link org.mer4j.train.optim.StatefulOptimizer} (a DJL {@code Optimizer}) with
 * {@link org.mer4j.train.optim.Adam} (Kingma &amp; Ba 2015), AdamW
 * (Loshchilov &amp; Hutter 2019) and {@link org.mer4j.train.optim.Sgd} (heavy-ball momentum), built by
 * {@link org.mer4j.train.optim.Optimizers} from {@link org.mer4j.train.optim.OptimizerSettings};
 * learning-rate schedules with warm-up and step or cosine decay
 * ({@link org.mer4j.train.optim.LearningRateSchedule}, {@link org.mer4j.train.optim.ScheduleConfig});
 * and global gradient-norm clipping ({@link org.mer4j.train.optim.GradientClipping}).
 */
package org.mer4j.train.optim;
