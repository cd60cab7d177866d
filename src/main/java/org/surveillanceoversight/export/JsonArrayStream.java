package org.surveillanceoversight.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Turns one JSON value per line into the elements of a JSON array wrapped in a prefix and suffix. */
final class JsonArrayStream extends FilterOutputStream {

    private final byte[] suffix;
    private boolean lineEnded;
    private boolean first = true;

    JsonArrayStream(OutputStream out, String prefix, String suffix) throws IOException {
        super(out);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        out.write(prefix.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n') {
            lineEnded = true;
            return;
        }
        if (lineEnded || first) {
            if (!first) {
                out.write(',');
            }
            out.write('\n');
            lineEnded = false;
            first = false;
        }
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n' || lineEnded || first) {
                out.write(bytes, start, i - start);
                write(bytes[i]);
                start = i + 1;
            }
        }
        out.write(bytes, start, end - start);
    }

    /** Writes the suffix; the underlying stream stays open for the container to close. */
    void finish() throws IOException {
        out.write('\n');
        out.write(suffix);
        out.flush();
    }
}
