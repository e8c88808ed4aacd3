package io.uipc.benchmarks.pingpong;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Two named pipes (mkfifo) in the run's directory, one per direction, one byte each way through
 * unbuffered file streams. The pong side makes them; both sides open the ping-to-pong pipe
 * first, so the blocking opens pair up.
 */
final class FifoTransport implements Transport {
    private static final int OWNER_READ_WRITE = 0600;

    private final Role role;
    private final Path pingToPong;
    private final Path pongToPing;
    private FileInputStream in;
    private FileOutputStream out;

    FifoTransport(final Role role, final Path workDir) {
        this.role = role;
        this.pingToPong = workDir.resolve("ping-to-pong.fifo");
        this.pongToPing = workDir.resolve("pong-to-ping.fifo");
    }

    @Override
    public String prepare() {
        if (role == Role.PONG) {
            Posix.mkfifo(pingToPong.toString(), OWNER_READ_WRITE);
            Posix.mkfifo(pongToPing.toString(), OWNER_READ_WRITE);
        }
        return pingToPong.getParent().toString();
    }

    @Override
    public void connect(final String peerInfo) throws IOException {
        if (role == Role.PONG) {
            in = new FileInputStream(pingToPong.toFile());
            out = new FileOutputStream(pongToPing.toFile());
        } else {
            out = new FileOutputStream(pingToPong.toFile());
            in = new FileInputStream(pongToPing.toFile());
        }
    }

    @Override
    public void send() throws IOException {
        out.write(1);
    }

    @Override
    public void receive() throws IOException {
        if (in.read() < 0) {
            throw new EOFException("pipe closed by the peer");
        }
    }
}
