package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteOffsetsTest {

    @TempDir
    Path dir;

    @Test
    void aCharacterOffsetInUtf8IsWhereItsBytesStartWhateverTheWidthsBeforeIt() throws IOException {
        // one, two, three and four bytes (a surrogate pair: two characters to the parser), over several buffers
        String[] pieces = {"a", "<", "é", "Ж", "€", "中", "😀", "\uD800\uDC00", "\n"};
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        while (text.length() < 400_000) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        Path file = Files.writeString(dir.resolve("mixed.xml"), text, StandardCharsets.UTF_8);

        try (ByteOffsets offsets = ByteOffsets.of(file, StandardCharsets.UTF_8, 0, 0)) {
            int at = 0;
            while (at < text.length()) {
                assertThat(offsets.byteOffset(at)).as("character %d", at)
                        .isEqualTo(text.substring(0, at).getBytes(StandardCharsets.UTF_8).length);
                at += 1 + random.nextInt(random.nextBoolean() ? 5 : 20_000);
                if (at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                    at++; // the middle of a pair starts no character
                }
            }
        }
    }

    @Test
    void aFixedWidthEncodingIsArithmeticFromAKnownPair() {
        ByteOffsets utf16 = ByteOffsets.of(dir.resolve("none"), StandardCharsets.UTF_16LE, 10, 22);
        ByteOffsets cyrillic = ByteOffsets.of(dir.resolve("none"), Charset.forName("windows-1251"), 0, 3);

        assertThat(utf16.byteOffset(15)).isEqualTo(32);
        assertThat(cyrillic.byteOffset(100)).isEqualTo(103);
        assertThat(ByteOffsets.of(dir.resolve("none"), Charset.forName("Shift_JIS"), 0, 0)).isNull();
    }
}
