package org.mer4j.text.torchscript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No TorchScript file can be made here without Python PyTorch, so the hook's tokenisation and error paths are tested. */
class TextTorchScriptTest {
    @Test
    void vocabTokenises(@TempDir Path dir) throws Exception {
        Path vocab = dir.resolve("vocab.txt");
        Files.writeString(vocab, "[PAD]\n[UNK]\nhello\nworld\ndon't\n");
        SimpleVocab v = SimpleVocab.load(vocab);
        assertEquals(1, v.unk());
        assertArrayEquals(new long[] {2, 3, 1, 4}, v.encode(List.of("Hello,", "WORLD", "unseen", "don\u2019t")));
        Files.writeString(vocab, "a\nb\n");
        IOException e = assertThrows(IOException.class, () -> SimpleVocab.load(vocab));
        assertTrue(e.getMessage().contains("[UNK]"), e.getMessage());
    }

    @Test
    void configAndMissingFilesFailClearly(@TempDir Path dir) throws Exception {
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class,
                () -> new TextTorchScriptExtractor(TextTorchScriptConfig.defaults()));
        assertTrue(noPath.getMessage().contains("modelPath"), noPath.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TextTorchScriptConfig(0.1, "m.pt", "v.txt", 0, 8, null));
        TextTorchScriptExtractor missing = new TextTorchScriptExtractor(new TextTorchScriptConfig(0.1, dir.resolve("none.pt").toString(),
                dir.resolve("v.txt").toString(), 16, 8, null));
        IOException e = assertThrows(IOException.class, missing::load);
        assertTrue(e.getMessage().contains("torch.jit.save"), e.getMessage());
        Path notAModel = dir.resolve("bad.pt");
        Files.writeString(notAModel, "not torchscript");
        Path vocab = dir.resolve("v.txt");
        Files.writeString(vocab, "[UNK]\nhi\n");
        TextTorchScriptExtractor unpinned = new TextTorchScriptExtractor(new TextTorchScriptConfig(0.1, notAModel.toString(), vocab.toString(),
                16, 8, null));
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, unpinned::load);
        String sha = org.mer4j.api.PinnedFiles.sha256(notAModel);
        assertTrue(u.getMessage().contains("text-torchscript.modelSha256: " + sha), "the message gives the sha256 to pin: " + u.getMessage());
        TextTorchScriptExtractor bad = new TextTorchScriptExtractor(new TextTorchScriptConfig(0.1, notAModel.toString(), vocab.toString(),
                16, 8, sha));
        IOException e2 = assertThrows(IOException.class, bad::load);
        assertTrue(e2.getMessage().contains("not a loadable TorchScript"), e2.getMessage());
        java.util.Map<String, String> before = bad.fileDigests();
        bad.close();
        Files.writeString(notAModel, "another file at the same path");
        TextTorchScriptExtractor replaced = new TextTorchScriptExtractor(new TextTorchScriptConfig(0.1, notAModel.toString(), vocab.toString(),
                16, 8, sha));
        IllegalArgumentException changed = assertThrows(IllegalArgumentException.class, replaced::fileDigests);
        assertTrue(changed.getMessage().contains("changed since it was pinned"), changed.getMessage());
        assertEquals(sha, before.get("model"));
    }
}
