package org.mer4j.vision.features;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * The second thread of a clip's face pipeline ({@code face.featureThread: true}): runs the
 * per-frame feature work of every {@code face-*} session of the clip (expression net, head pose,
 * crop HOG, appending the rows) in submission order, while the decoding thread processes the next
 * frames. At most {@code framesInFlight} frames are submitted and not yet done: the pipeline keeps
 * that many observations (plus one) in a ring, so an observation is never overwritten while a task
 * still reads it.
 *
 * <p>The first task that throws stops the feature work of the clip: later tasks are skipped and the
 * failure is kept for {@link #failure()} (the sessions report it on the next frame or at the clip's finish). Frame releases always
 * run, so the decoding thread can never wait forever on a failed worker.
 */
final class FaceFeatureWorker implements AutoCloseable {
    private final BlockingQueue<Runnable> queue;
    private final Semaphore frames;
    /** Queued after a frame's tasks: gives its observation back to the pipeline's ring. */
    private final Runnable releaseFrame;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private static final Runnable STOP = () -> { };

    FaceFeatureWorker(String clipId, int framesInFlight) {
        this.frames = new Semaphore(framesInFlight);
        this.releaseFrame = frames::release;
        // every frame submits one task per session plus its release; the queue never blocks the producer in practice
        this.queue = new ArrayBlockingQueue<>(framesInFlight * 16 + 16);
        this.thread = new Thread(this::loop, "mer4j-face-features-" + clipId);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (true) {
            Runnable r;
            try {
                r = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (r == STOP) {
                return;
            }
            r.run();
        }
    }

    /** Waits until fewer than {@code framesInFlight} frames are pending, then counts a new one. */
    void beginFrame() {
        uninterrupted(frames::acquire, "waiting for the face feature thread");
    }

    /** Marks the end of the current frame's tasks: its observation may be reused once they are done. */
    void endFrame() {
        put(releaseFrame);
    }

    /** Queues one session's work on the current frame. */
    void submit(Runnable task) {
        put(() -> {
            if (failure != null || cancelled) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                failure = t;
            }
        });
    }

    /** The failure of an earlier task, or null. */
    Throwable failure() {
        return failure;
    }

    /** Waits until every task queued so far has run (or been skipped). */
    void drain() {
        CountDownLatch done = new CountDownLatch(1);
        put(done::countDown);
        uninterrupted(done::await, "waiting for the face feature thread");
    }

    /** Skips the tasks still queued and waits for the running one: the sessions may then close their features. */
    void cancel() {
        cancelled = true;
        drain();
    }

    private void put(Runnable r) {
        if (!thread.isAlive()) {
            throw new IllegalStateException("the face feature thread " + thread.getName() + " has stopped");
        }
        uninterrupted(() -> queue.put(r), "queueing work for the face feature thread");
    }

    private interface Blocking {
        void run() throws InterruptedException;
    }

    /** Runs a blocking call; an interrupt keeps the thread's flag and ends the clip with a clear error. */
    private static void uninterrupted(Blocking call, String what) {
        try {
            call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }

    @Override
    public void close() {
        cancelled = true;
        try {
            queue.put(STOP);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
    }
}
