package org.surveillanceoversight.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * PostgreSQL writes CSV records ending in LF; RFC 4180 wants CRLF. Outside quoted fields each LF
 * becomes CRLF; inside them line breaks stay as they are (doubled quotes toggle twice).
 */
final class CrlfCsvStream extends FilterOutputStream {

    private boolean quoted;

    CrlfCsvStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '"') {
            quoted = !quoted;
        } else if (b == '\n' && !quoted) {
            out.write('\r');
        }
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                out.write(bytes, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(bytes, start, end - start);
    }
}
