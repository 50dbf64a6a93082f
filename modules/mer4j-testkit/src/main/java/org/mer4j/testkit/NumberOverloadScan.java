package org.mer4j.testkit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds calls of DJL's {@code NDArray} methods that take a {@code Number} ({@code x.mul(2f)},
 * {@code x.add(1)}, {@code x.gt(0)}, ...) in compiled classes. Under autograd such a constant is a
 * tensor backed by Java memory that the garbage collector may free before backward reads it
 * ({@link org.mer4j.models.Scalars} says why and gives the engine-allocated replacements), so code
 * that runs while autograd records (fusion models, encoders, heads, losses) must not call them. A
 * plug-in's test can scan its own model package: {@code assertEquals(List.of(), NumberOverloadScan.calls(MyModel.class, "com/acme/model"))}.
 * Read from the classes' constant pools, so it sees every call however it is written.
 */
public final class NumberOverloadScan {
    private static final String NDARRAY = "ai/djl/ndarray/NDArray";

    private NumberOverloadScan() {
    }

    /**
     * Every Number-overload call in the classes under {@code packagePath} (e.g.
     * {@code org/mer4j/models}) of the class folder or jar that holds {@code anchor}, as
     * {@code "Class.class calls NDArray.mul(Ljava/lang/Number;)..."}; also the number of classes scanned
     * when {@code scanned} is not null (its first element).
     */
    public static List<String> calls(Class<?> anchor, String packagePath, int[] scanned) throws IOException {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("the location of " + anchor.getName() + " is not a path: " + e.getMessage(), e);
        }
        if (Files.isDirectory(root)) {
            return scan(root, packagePath, scanned);
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            return scan(jar.getPath("/"), packagePath, scanned);
        }
    }

    private static List<String> scan(Path root, String packagePath, int[] scanned) throws IOException {
        List<String> found = new ArrayList<>();
        Path dir = root.resolve(packagePath);
        if (!Files.isDirectory(dir)) {
            throw new IOException(packagePath + " is not a package folder under " + root);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                if (scanned != null) {
                    scanned[0]++;
                }
                for (String call : numberOverloadCalls(Files.readAllBytes(f))) {
                    found.add(root.relativize(f) + " calls NDArray." + call);
                }
            }
        }
        return found;
    }

    /** {@code name+descriptor} of every method reference to {@code NDArray} whose first parameter is a Number. */
    public static List<String> numberOverloadCalls(byte[] classFile) throws IOException {
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
