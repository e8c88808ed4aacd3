package io.uipc.benchmarks.pingpong;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A Unix domain stream socket through java.nio (Java 16+), blocking mode, one byte each way:
 * the pong side listens on a socket file in the run's directory, the ping side connects.
 */
final class UnixSocketTransport implements Transport {
    private static final String SOCKET_FILE = "pong.sock";

    private final Role role;
    private final Path socketFile;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1);
    private ServerSocketChannel server;
    private SocketChannel channel;

    UnixSocketTransport(final Role role, final Path workDir) {
        this.role = role;
        this.socketFile = workDir.resolve(SOCKET_FILE);
    }

    @Override
    public String prepare() throws IOException {
        if (role == Role.PONG) {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketFile));
        }
        return socketFile.toString();
    }

    @Override
    public void connect(final String peerInfo) throws IOException {
        if (role == Role.PONG) {
            channel = server.accept();
            server.close();
        } else {
            // the pong's endpoint names this same file (both sides derive it from the run's directory): connecting to
            // it needs no path to survive the word-splitting of the command line that carried peerInfo
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socketFile));
        }
    }

    @Override
    public void send() throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void receive() throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("unix socket closed by the peer");
            }
        }
    }
}
