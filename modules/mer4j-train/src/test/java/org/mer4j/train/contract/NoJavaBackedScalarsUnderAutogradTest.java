package org.mer4j.train.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.Scalars;
import org.mer4j.train.tasks.TaskSet;

/**
 * The code that runs while autograd records (the fusion models and heads in {@code org.mer4j.models},
 * the task losses in {@code org.mer4j.train.tasks}) calls no {@code NDArray} method that takes a
 * {@code Number}: DJL backs such a constant by Java memory that the garbage collector may free
 * before backward reads it (see {@link Scalars}). Read from the compiled classes' constant pools,
 * so it sees every call, however it is written. The optimiser updates in {@code org.mer4j.train.optim}
 * run after backward with recording off and are not checked.
 */
class NoJavaBackedScalarsUnderAutogradTest {
    private static final String NDARRAY = "ai/djl/ndarray/NDArray";

    @Test
    void autogradCodeUsesEngineAllocatedScalars() throws Exception {
        List<String> found = new ArrayList<>();
        int classes = 0;
        for (Path root : List.of(classRoot(FusionBlock.class), classRoot(TaskSet.class))) {
            Path dir = root.resolve(root.equals(classRoot(FusionBlock.class)) ? "org/mer4j/models" : "org/mer4j/train/tasks");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    classes++;
                    for (String call : numberOverloadCalls(Files.readAllBytes(f))) {
                        found.add(root.relativize(f) + " calls NDArray." + call);
                    }
                }
            }
        }
        assertTrue(classes > 20, "scanned too few classes (" + classes + "); is the class path a folder of classes?");
        assertEquals(List.of(), found, "use org.mer4j.models.Scalars instead of NDArray's Number overloads");
    }

    @Test
    void theScannerSeesNumberOverloads() throws Exception {
        byte[] self = Files.readAllBytes(classRoot(Probe.class).resolve(Probe.class.getName().replace('.', '/') + ".class"));
        assertEquals(List.of("mul(Ljava/lang/Number;)Lai/djl/ndarray/NDArray;"), numberOverloadCalls(self));
    }

    /** A class that makes the call the scan must find. */
    static final class Probe {
        static ai.djl.ndarray.NDArray twice(ai.djl.ndarray.NDArray x) {
            return x.mul(2f);
        }
    }

    private static Path classRoot(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** {@code name+descriptor} of every method reference to {@code NDArray} whose first parameter is a Number. */
    static List<String> numberOverloadCalls(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[][] nameAndType = new int[count][];
        List<int[]> methodRefs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 9 -> in.readInt();
                case 10, 11 -> methodRefs.add(new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
                case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> in.readInt();
                default -> throw new IOException("unknown constant-pool tag " + tag);
            }
        }
        List<String> calls = new ArrayList<>();
        for (int[] ref : methodRefs) {
            String owner = utf8[classNames[ref[0]]];
            int[] nat = nameAndType[ref[1]];
            String descriptor = utf8[nat[1]];
            if (NDARRAY.equals(owner) && descriptor.startsWith("(Ljava/lang/Number;")) {
                calls.add(utf8[nat[0]] + descriptor);
            }
        }
        return calls;
    }
}
