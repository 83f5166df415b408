package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckingInputStreamTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes per read")
    @ValueSource(ints = {1, 2, 3, 5, 7, 64 * 1024})
    void passesOneToFourByteCharactersUnchangedHoweverTheReadsSplitThem(int perRead) throws IOException {
        // given ASCII, 2-, 3- and 4-byte characters, at the edges of the ranges that are valid
        byte[] text = "a é ß Ж € \uD7FF \uE000 \uFFFD 😀 \uDBFF\uDFFF z\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        Path file = write(text);

        // when it is read through a source that gives perRead bytes at a time, into buffers of several sizes
        for (int size : new int[] {1, 3, 4, 5, 4096}) {
            try (InputStream in = checking(file, text, perRead, StandardCharsets.UTF_8)) {
                // then every byte comes through, in order
                assertThat(readAll(in, size)).as("buffers of %d", size).isEqualTo(text);
            }
        }
    }

    @Test
    void aSequenceSplitAcrossReadsIsHeldBackUntilItsLastByteIsRead() throws IOException {
        byte[] text = "a€".getBytes(StandardCharsets.UTF_8); // 61 E2 82 AC
        Path file = write(text);

        try (InputStream in = checking(file, text, 2, StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[16];
            assertThat(in.read(buffer, 0, 16)).as("the source gave 61 E2: only 61 is passed on").isEqualTo(1);
            assertThat(in.read(buffer, 0, 16)).as("then the whole euro sign").isEqualTo(3);
            assertThat(HexFormat.of().formatHex(buffer, 0, 3)).isEqualTo("e282ac");
            assertThat(in.read(buffer, 0, 16)).isEqualTo(-1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "80",          // a continuation byte without a lead
            "C0 AF",       // overlong '/'
            "C1 BF",       // overlong
            "E0 80 AF",    // overlong '/' in three bytes
            "F0 80 80 AF", // overlong '/' in four bytes
            "ED A0 80",    // a high surrogate
            "ED BF BF",    // a low surrogate
            "ED A0 28",    // the start of a surrogate, cut short
            "F4 90 80 80", // U+110000, past the last code point
            "F5 80 80 80", // a lead byte no code point uses
            "FF",
            "C3 28",       // a lead whose continuation is missing
            "E2 82 28",
            "F0 9F 98 28",
            "C0 E1",       // "Аб" in Windows-1251
    })
    void invalidBytesFailAfterEveryByteBeforeThemNamingTheSameBytesLineAndColumnAsTheJdkDecoder(String bad) throws IOException {
        // given two lines of valid text, then the bad bytes, then more valid text
        byte[] text = concat("Ж1\nok€".getBytes(StandardCharsets.UTF_8), hex(bad), "<end/>".getBytes(StandardCharsets.UTF_8));
        Path file = write(text);

        try (InputStream in = checking(file, text, 64 * 1024, StandardCharsets.UTF_8)) {
            // when it is read, then the bytes before the bad ones come first
            byte[] buffer = new byte[4096];
            int n = in.read(buffer, 0, buffer.length);
            assertThat(new String(buffer, 0, n, StandardCharsets.UTF_8)).isEqualTo("Ж1\nok€");
            // and the next read fails as decoding with the JDK's decoder does: same bytes, line 2, column 4
            UndecodableBytes expected = jdkFailure(file, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(UndecodableBytes.class)
                    .hasMessage(expected.getMessage())
                    .hasMessageContaining("not valid UTF-8")
                    .satisfies(e -> assertThat(((UndecodableBytes) e).line).isEqualTo(2))
                    .satisfies(e -> assertThat(((UndecodableBytes) e).column).isEqualTo(4));
            // and so does every read after
            assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(UndecodableBytes.class);
        }
    }

    @Test
    void aBadByteAnywhereInARunOfAsciiStopsTheBytesJustBeforeIt() throws IOException {
        for (int at = 0; at < 24; at++) {
            // given 24 ASCII bytes with one Windows-1251 byte at position 'at'
            byte[] text = "<offer id=\"OF-1\">Sofia</".getBytes(StandardCharsets.US_ASCII);
            text[at] = (byte) 0xE0;
            Path file = write(text);

            try (InputStream in = checking(file, text, 64 * 1024, StandardCharsets.UTF_8)) {
                byte[] buffer = new byte[4096];
                int n = in.read(buffer, 0, buffer.length);
                // then exactly the bytes before it come through, then the failure
                assertThat(Math.max(n, 0)).as("bad byte at %d", at).isEqualTo(at);
                if (n > 0) {
                    assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(UndecodableBytes.class);
                }
            } catch (UndecodableBytes e) {
                assertThat(at).as("fails at once only when there is nothing before it").isZero();
            }
        }
    }

    @Test
    void aFileEndingInsideASequenceFailsAfterTheBytesBeforeIt() throws IOException {
        byte[] text = concat("ok".getBytes(StandardCharsets.UTF_8), hex("F0 9F 98")); // 😀 without its last byte
        Path file = write(text);

        try (InputStream in = checking(file, text, 64 * 1024, StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[4096];
            assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(2);
            assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(UndecodableBytes.class)
                    .hasMessage(jdkFailure(file, StandardCharsets.UTF_8).getMessage())
                    .hasMessageStartingWith("bytes F0 9F 98 are not valid UTF-8");
        }
    }

    @Test
    void aFileDeclaredUsAsciiAcceptsNoByteAbove7F() throws IOException {
        byte[] text = "ok\nCafé".getBytes(StandardCharsets.UTF_8);
        Path file = write(text);

        try (InputStream in = checking(file, text, 64 * 1024, StandardCharsets.US_ASCII)) {
            byte[] buffer = new byte[4096];
            assertThat(new String(buffer, 0, in.read(buffer, 0, buffer.length), StandardCharsets.US_ASCII)).isEqualTo("ok\nCaf");
            assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(UndecodableBytes.class)
                    .hasMessage(jdkFailure(file, StandardCharsets.US_ASCII).getMessage())
                    .hasMessageContaining("not valid US-ASCII")
                    .satisfies(e -> assertThat(((UndecodableBytes) e).line).isEqualTo(2));
        }
    }

    /** The failure the JDK's decoder, behind {@link DecodingReader}, gives for the same file. */
    private static UndecodableBytes jdkFailure(Path file, Charset charset) throws IOException {
        try (Reader reader = new DecodingReader(file, Files.newInputStream(file), 0, charset)) {
            char[] chars = new char[4096];
            while (reader.read(chars, 0, chars.length) >= 0) {
                // read up to the failure
            }
        } catch (UndecodableBytes e) {
            return e;
        }
        throw new AssertionError("the JDK decoder found nothing wrong in " + file);
    }

    private Path write(byte[] text) throws IOException {
        return Files.write(dir.resolve("feed.xml"), text);
    }

    /** The file's bytes from a source that gives at most {@code perRead} bytes per read, as a socket may. */
    private static InputStream checking(Path file, byte[] text, int perRead, Charset charset) {
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(text)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, perRead));
            }
        };
        return new Utf8CheckingInputStream(file, trickle, charset, 0);
    }

    private static byte[] readAll(InputStream in, int size) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[size];
        while (true) {
            int n = size == 1 ? in.read() : in.read(buffer, 0, size);
            if (n < 0) {
                break;
            }
            if (size == 1) {
                all.write(n);
            } else {
                all.write(buffer, 0, n);
            }
        }
        return all.toByteArray();
    }

    private static byte[] hex(String spaced) {
        return HexFormat.ofDelimiter(" ").parseHex(spaced);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
