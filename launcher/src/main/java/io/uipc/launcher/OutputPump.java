package io.uipc.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Copies one member JVM's output (stdout and stderr merged) to the console and the member's
 * {@link OutputLog}, line by line, in bounded memory: a line longer than {@link #MAX_PIECE}
 * characters is passed on in pieces of that size as it arrives, each piece after the first
 * marked as continuing the line before. A member printing gigabytes without a newline costs the
 * launcher one buffer, never an {@link OutOfMemoryError}. Line ends are {@code \n}, {@code \r\n}
 * or a lone {@code \r}, as for {@link java.io.BufferedReader#readLine()}.
 *
 * <p>The pump only copies: the member's exit is observed from its process, not from the end of
 * this output, which a child the member started may hold open long after the member died.
 */
final class OutputPump implements Runnable {
    /** The longest piece of a line passed on at once, in characters. */
    static final int MAX_PIECE = 8192;
    private final String name;
    private final InputStream in;
    private final LaunchConsole console;
    private final OutputLog log;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final StringBuilder piece = new StringBuilder(MAX_PIECE);
    /** Whether the piece being built continues a line already partly passed on. */
    private boolean continuing;
    /** Whether the last character was a {@code \r}, so that a {@code \n} right after it ends nothing more. */
    private boolean afterCr;

    /**
     * @param name    the member, labelling its lines
     * @param in      its output
     * @param console where its lines are printed
     * @param log     where its lines are kept
     */
    OutputPump(final String name, final InputStream in, final LaunchConsole console, final OutputLog log) {
        this.name = name;
        this.in = in;
        this.console = console;
        this.log = log;
    }

    @Override
    public void run() {
        final char[] buffer = new char[MAX_PIECE];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    accept(buffer[i]);
                }
            }
            if (piece.length() > 0) {
                emit(false);
            }
        } catch (final IOException e) {
            console.member(name, "(output lost: " + e.getMessage() + ")", false);
        } finally {
            ended.countDown();
        }
    }

    private void accept(final char c) {
        if (c == '\n' && afterCr) {
            afterCr = false;
            return;
        }
        afterCr = c == '\r';
        if (c == '\n' || c == '\r') {
            emit(false);
            return;
        }
        // Never split a surrogate pair between two pieces.
        if (piece.length() >= MAX_PIECE && !(piece.length() == MAX_PIECE && Character.isHighSurrogate(piece.charAt(MAX_PIECE - 1))
            && Character.isLowSurrogate(c))) {
            emit(true);
        }
        piece.append(c);
    }

    /** Passes the piece on; {@code more}: the line goes on in the next piece. */
    private void emit(final boolean more) {
        final String text = piece.toString();
        piece.setLength(0);
        console.member(name, text, continuing);
        log.add(text);
        continuing = more;
    }

    /**
     * Waits until the output has ended (every process holding it has closed it) or the time is up.
     *
     * @param nanos how long to wait at most
     * @return whether the output has ended
     * @throws InterruptedException if interrupted
     */
    boolean awaitEnd(final long nanos) throws InterruptedException {
        return ended.await(nanos, TimeUnit.NANOSECONDS);
    }
}
