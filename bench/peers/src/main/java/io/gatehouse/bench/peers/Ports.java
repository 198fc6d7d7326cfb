package io.gatehouse.bench.peers;

/**
 * Reads the port argument every hello server takes, with one readable line when it is wrong.
 *
 * {@snippet :
 * int port = Ports.fromArgs(args, "JettyHello");
 * }
 */
public final class Ports {

    private Ports() {
    }

    /**
     * @param args the main's arguments; the first is the port
     * @param name the server's name, for the error line
     * @return the port, 1 to 65535
     */
    public static int fromArgs(String[] args, String name) {
        if (args.length < 1) {
            return fail(name + ": usage: " + name + " PORT");
        }
        try {
            int port = Integer.parseInt(args[0]);
            if (port < 1 || port > 65535) {
                return fail(name + ": port must be 1 to 65535, got " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            return fail(name + ": port must be a number, got '" + args[0] + "'");
        }
    }

    private static int fail(String line) {
        System.err.println(line);
        System.exit(2);
        return -1;
    }
}
