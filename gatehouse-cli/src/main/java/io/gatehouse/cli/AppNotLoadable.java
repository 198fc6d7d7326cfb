package io.gatehouse.cli;

import java.io.Serial;

/**
 * The application named on the command line cannot be loaded; the message is one readable line.
 *
 * {@snippet :
 * try {
 *     Application app = new AppLoader(loader).load("myapp.Main:app");
 * } catch (AppNotLoadable e) {
 *     System.err.println("gatehouse: " + e.getMessage());
 * }
 * }
 */
public final class AppNotLoadable extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the class or member, on one line */
    public AppNotLoadable(String message) {
        super(message, null, false, false);
    }
}
