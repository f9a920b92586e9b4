package com.quotebus.access.bridge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * TCP keep-alive timing of an accepted client socket ({@link BridgeServerOptions#tcpKeepAliveIdleSeconds()} …):
 * how the gateway finds a peer that vanished without a FIN (power loss, a NAT that forgot the flow) when the
 * client never pings, as the stock bridge clients do not. Vert.x 5 sets SO_KEEPALIVE ({@code setTcpKeepAlive})
 * but not its timing, so the timing is set here on the Netty channel: the epoll options with the native
 * transport, the JDK's extended socket options with NIO. Other transports keep the OS timing.
 */
final class KeepAlive {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);
    private static final String EPOLL_OPTION = "io.netty.channel.epoll.EpollChannelOption#";
    private static volatile boolean loggedFailure;

    private KeepAlive() {
    }

    static void tune(Channel ch, BridgeServerOptions o) {
        if (!o.tcpKeepAlive()) {
            return;
        }
        try {
            if (ch.getClass().getName().startsWith("io.netty.channel.epoll.")) {
                // EpollChannelOption's constants by name (the epoll classes are not on the compile class path)
                set(ch, ChannelOption.valueOf(EPOLL_OPTION + "TCP_KEEPIDLE"), o.tcpKeepAliveIdleSeconds());
                set(ch, ChannelOption.valueOf(EPOLL_OPTION + "TCP_KEEPINTVL"), o.tcpKeepAliveIntervalSeconds());
                set(ch, ChannelOption.valueOf(EPOLL_OPTION + "TCP_KEEPCNT"), o.tcpKeepAliveCount());
            } else if (ch instanceof NioSocketChannel) {
                set(ch, NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), o.tcpKeepAliveIdleSeconds());
                set(ch, NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL), o.tcpKeepAliveIntervalSeconds());
                set(ch, NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), o.tcpKeepAliveCount());
            }
        } catch (RuntimeException | LinkageError e) { // an OS without the options: keep its timing
            if (!loggedFailure) {
                loggedFailure = true;
                LOG.warn("cannot set TCP keep-alive timing on client sockets (logged once), OS defaults apply: " + e);
            }
        }
    }

    private static void set(Channel ch, ChannelOption<?> option, int value) {
        @SuppressWarnings("unchecked")
        ChannelOption<Integer> o = (ChannelOption<Integer>) option;
        if (value > 0 && !ch.config().setOption(o, value)) {
            throw new IllegalStateException(option + " not supported by " + ch.getClass().getSimpleName());
        }
    }
}
