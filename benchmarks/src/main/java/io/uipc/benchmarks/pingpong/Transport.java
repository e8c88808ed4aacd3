package io.uipc.benchmarks.pingpong;

import java.io.IOException;

/**
 * One side of a ping-pong channel between two processes: the ping side sends then receives,
 * the pong side receives then sends. Set up in two steps so the benchmark can exchange
 * endpoint details between the two JVMs: {@link #prepare()}, then {@link #connect(String)}.
 * A transport lives as long as its JVM: the process's exit releases it, and the coordinator
 * deletes the files it made.
 */
interface Transport {
    /**
     * Sets up this side's endpoint; after it returns, the peer may connect and send.
     *
     * @return what the peer needs to reach this side: one token without spaces
     * @throws IOException if the endpoint cannot be set up
     */
    String prepare() throws IOException;

    /**
     * @param peerInfo what the peer's {@link #prepare()} returned
     * @throws IOException if the peer cannot be reached
     */
    void connect(String peerInfo) throws IOException;

    /**
     * Sends one message (one notification) to the peer.
     *
     * @throws IOException if the channel failed
     */
    void send() throws IOException;

    /**
     * Waits for one message from the peer.
     *
     * @throws IOException if the channel failed or the peer closed it
     */
    void receive() throws IOException;
}
