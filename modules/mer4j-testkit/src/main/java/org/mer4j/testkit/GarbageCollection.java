package org.mer4j.testkit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Forces what normally happens at an unpredictable moment: unreachable direct buffers freed and their memory reused. */
public final class GarbageCollection {
    private GarbageCollection() {
    }

    /**
     * Runs the collector until the JVM's cleaner has had time to free unreachable direct buffers,
     * then allocates and fills small direct buffers so freed native memory is overwritten.
     */
    public static void freeUnreachableDirectMemory() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(30);
        }
        List<ByteBuffer> scribble = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + i % 64);
            while (b.hasRemaining()) {
                b.put((byte) 0x7f);
            }
            scribble.add(b);
        }
        scribble.clear();
    }
}
