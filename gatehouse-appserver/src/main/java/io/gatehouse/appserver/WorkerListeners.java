package io.gatehouse.appserver;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The listening sockets a worker inherited from its master, one per bind: the first on descriptor
 * 0, the others on 3, 4, ...; their count is in {@value WorkerProcess#LISTENERS_VARIABLE} (absent:
 * one, as a master of one bind or an older master starts it).
 *
 * {@snippet :
 * List<ServerSocketChannel> listeners = WorkerListeners.inherited(System.getenv());
 * }
 */
final class WorkerListeners {

    private WorkerListeners() {
    }

    /**
     * @param env the worker's environment
     * @return the channels, in bind order
     * @throws IOException with one line when a descriptor is not a listening socket
     */
    static List<ServerSocketChannel> inherited(java.util.Map<String, String> env) throws IOException {
        String value = env.getOrDefault(WorkerProcess.LISTENERS_VARIABLE, "1");
        int count;
        try {
            count = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IOException(WorkerProcess.LISTENERS_VARIABLE + " is not a number: '" + value + "'");
        }
        List<ServerSocketChannel> channels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int fd = i == 0 ? 0 : WorkerProcess.SECOND_LISTENER_FD + i - 1;
            try {
                channels.add(InheritedChannels.adopt(fd));
            } catch (IOException e) {
                throw new IOException("no listening socket on descriptor " + fd + " (started outside the master?): "
                    + e.getMessage(), e);
            }
        }
        return channels;
    }
}
