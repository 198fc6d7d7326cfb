package io.gatehouse.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything both front doors configure; frozen into a {@link Dispatcher} when the app is made. */
final class Setup {

    final Router router = new Router();
    final List<Hooks.Before> before = new ArrayList<>();
    final List<Hooks.After> after = new ArrayList<>();
    final List<Hooks.Teardown> teardown = new ArrayList<>();
    final Map<Integer, Hooks.ErrorHandler<? super HttpError>> statusHandlers = new HashMap<>();
    final Map<Class<? extends Throwable>, Hooks.ErrorHandler<Throwable>> exceptionHandlers = new LinkedHashMap<>();
    SessionConfig sessions = SessionConfig.OFF;
    Templates templates;
    boolean debug;
    Limits limits = Limits.DEFAULT;

    void secretKeys(List<String> keys) {
        sessions = SessionConfig.of(sessions.cookieName(), keys, Duration.ofDays(31));
    }

    @SuppressWarnings("unchecked")
    <E extends Throwable> void exceptionHandler(Class<E> type, Hooks.ErrorHandler<? super E> handler) {
        exceptionHandlers.put(type, (Hooks.ErrorHandler<Throwable>) handler);
    }
}
