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
        assertThrows(IllegalArgumentException.class, () -> new TextTorchScriptConfig(0.1, "m.pt", "v.txt", 0, 8));
        TextTorchScriptExtractor missing = new TextTorchScriptExtractor(new TextTorchScriptConfig(0.1, dir.resolve("none.pt").toString(),
                dir.resolve("v.txt").toString(), 16, 8));
        IOException e = assertThrows(IOException.class, missing::load);
        assertTrue(e.getMessage().contains("torch.jit.save"), e.getMessage());
        Path notAModel = dir.resolve("bad.pt");
        Files.writeString(notAModel, "not torchscript");
        Path vocab = dir.resolve("v.txt");
        Files.writeString(vocab, "[UNK]\nhi\n");
        TextTorchScriptExtractor bad = new TextTorchScriptExtractor(new TextTorchScriptConfig(0.1, notAModel.toString(), vocab.toString(), 16, 8));
        IOException e2 = assertThrows(IOException.class, bad::load);
        assertTrue(e2.getMessage().contains("not a loadable TorchScript"), e2.getMessage());
        bad.close();
    }
}
