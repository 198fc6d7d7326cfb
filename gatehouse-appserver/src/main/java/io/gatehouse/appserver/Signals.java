package io.gatehouse.appserver;

/**
 * Linux signal numbers the master sends. {@code sun.misc.Signal} names them for receiving; sending
 * needs the numbers, which the JDK does not publish.
 *
 * {@snippet :
 * Libc.kill(pid, Signals.TERM);
 * }
 */
final class Signals {

    static final int HUP = 1;
    static final int INT = 2;
    static final int QUIT = 3;
    static final int KILL = 9;
    static final int USR1 = 10;
    static final int TERM = 15;
    static final int TTIN = 21;
    static final int TTOU = 22;

    private Signals() {
    }

    /** @param name a name like {@code "HUP"} @return its number @throws IllegalArgumentException if unknown */
    static int number(String name) {
        return switch (name) {
            case "HUP" -> HUP;
            case "INT" -> INT;
            case "QUIT" -> QUIT;
            case "KILL" -> KILL;
            case "USR1" -> USR1;
            case "TERM" -> TERM;
            case "TTIN" -> TTIN;
            case "TTOU" -> TTOU;
            default -> throw new IllegalArgumentException("unknown signal " + name);
        };
    }
}
