package org.yibao.server.platform.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;

/**
 * The sockets of the JDBC driver's connections (PgJDBC {@code socketFactory}): sockets of a {@link SocketChannel}
 * rather than the JDK's default socket implementation.
 *
 * <p>Why: the default implementation (NioSocketImpl) switches a socket to non-blocking mode for good the first
 * time a read or connect has a timeout, and the driver connects with a timeout and the pool checks a new
 * connection with one. From then on every read that finds no reply yet is a read that fails, a poll and a read
 * again: three system calls where one blocking read does, on every round trip of every settlement (async-profiler:
 * the poll alone was 5 % of the request threads' CPU under bench/gateway.sh). A channel's socket goes back to
 * blocking mode after each timed operation, so the untimed reads of normal work block in one call.
 */
public final class BlockingSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        return SocketChannel.open().socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        return connected(address, null);
    }

    /** A new socket, bound to {@code local} when given, connected to {@code address}. */
    private Socket connected(InetSocketAddress address, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(address);
        return socket;
    }
}
