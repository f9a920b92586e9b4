package com.quotebus.app;

import com.quotebus.config.ConfigException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a port a node will listen on is free, checked before the node starts anything. */
final class PortCheck {
    private PortCheck() {}

    /** Fails with the setting's key when {@code host:port} cannot be bound now (another process listens there). */
    static void requireFree(String key, String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // a port in TIME_WAIT is fine: the node can bind it too
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new ConfigException(key, port, "a free port on " + host + " — it is in use (" + e.getMessage()
                    + "; another Quotebus node or program listens there: stop it or choose another " + key + ")");
        }
    }
}
