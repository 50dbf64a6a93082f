package org.mer4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import org.mer4j.train.tasks.TaskSet;

/** DJL's view of the multi-task loss: {@link TaskSet#loss} on the batch targets and the model outputs. */
public final class TaskLoss extends Loss {
    private final TaskSet tasks;

    /** The loss of {@code tasks}. */
    public TaskLoss(TaskSet tasks) {
        super("taskLoss");
        this.tasks = tasks;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return tasks.loss(predictions, labels);
    }
}
