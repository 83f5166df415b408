package io.feedimport.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * Bytes an XML file's encoding cannot decode, with the line and column where they start. Raised by whichever stage
 * checks the encoding ({@link DecodingReader}, {@link Utf8CheckingInputStream}) only after it has handed the parser
 * every character before them.
 */
final class UndecodableBytes extends IOException {

    final int line;
    final int column;

    private UndecodableBytes(int line, int column, String reason) {
        super(reason);
        this.line = line;
        this.column = column;
    }

    /**
     * @param offset where the bad bytes start in the file, counting from its first byte (a BOM included)
     * @param there  the bad bytes and, where already read, a few after them
     * @param length how many of {@code there} are bad
     */
    static UndecodableBytes at(Path file, Charset charset, long offset, byte[] there, int length) throws IOException {
        HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
        String context = there.length > length ? " (in " + hex.formatHex(there) + ")" : "";
        int[] at = position(file, charset, offset);
        return new UndecodableBytes(at[0], at[1], (length == 1 ? "byte " : "bytes ") + hex.formatHex(there, 0, length)
                + context + (length == 1 ? " is" : " are") + " not valid " + charset.name() + ": the file is in another"
                + " encoding than it declares (set format.encoding to the real one, such as windows-1251)");
    }

    /**
     * Line and column of the byte at {@code offset}, as the parser counts them (a line ends at LF, CR or CR LF; a BOM
     * takes no column). Found by decoding the file again up to there, only once it has failed, so that reading a good
     * file costs nothing for it.
     */
    private static int[] position(Path file, Charset charset, long offset) throws IOException {
        int line = 1;
        int column = 1;
        boolean afterCr = false;
        try (InputStream again = Files.newInputStream(file);
             Reader text = new InputStreamReader(new BufferedInputStream(
                     BoundedInputStream.builder().setInputStream(again).setMaxCount(offset).get()), charset)) {
            for (int c = text.read(); c >= 0; c = text.read()) {
                if (c == '\n') {
                    line += afterCr ? 0 : 1;
                    column = 1;
                } else if (c == '\r') {
                    line++;
                    column = 1;
                } else if (c != '\uFEFF' || line > 1 || column > 1) {
                    column++;
                }
                afterCr = c == '\r';
            }
        }
        return new int[] {line, column};
    }
}
