package io.gatehouse.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of one client's session, kept in a signed cookie (see {@link SessionSigner}): small,
 * JSON-compatible values only (strings, numbers, booleans, lists and maps of them).
 *
 * {@snippet :
 * Session session = request.session();
 * session.put("name", form.get("name"));
 * session.flash("Saved.");                       // shown once, on the next page
 * List<String> messages = request.session().takeFlashes();
 * }
 *
 * <p>The client can read the content (it is signed, not encrypted), so never put secrets in it.
 * The cookie is sent again only when the session changed.
 */
public final class Session {

    private static final String FLASHES = "_flashes";

    private final Map<String, Object> data;
    private boolean modified;

    Session(Map<String, Object> data) {
        this.data = new LinkedHashMap<>(data);
    }

    /** @param key a key @return the value, or {@code null} */
    public Object get(String key) {
        return data.get(key);
    }

    /** @param key a key @return the value as text, or {@code null} */
    public String getString(String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * @param key   a key
     * @param value a JSON-compatible value, or {@code null} to remove the key
     * @return this session
     */
    public Session put(String key, Object value) {
        if (value == null) {
            return remove(key);
        }
        data.put(key, value);
        modified = true;
        return this;
    }

    /** @param key a key @return this session, without it */
    public Session remove(String key) {
        if (data.remove(key) != null) {
            modified = true;
        }
        return this;
    }

    /** Empties the session; the cookie is then deleted. @return this session */
    public Session clear() {
        if (!data.isEmpty()) {
            data.clear();
            modified = true;
        }
        return this;
    }

    /** @return the keys */
    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(data.keySet());
    }

    /** @return whether the session holds nothing */
    public boolean isEmpty() {
        return data.isEmpty();
    }

    /**
     * Keeps a message for the next page that calls {@link #takeFlashes()}.
     *
     * @param message the message
     * @return this session
     */
    public Session flash(String message) {
        List<Object> messages = new ArrayList<>(flashList());
        messages.add(message);
        return put(FLASHES, messages);
    }

    /** @return the flashed messages in order, removing them from the session */
    public List<String> takeFlashes() {
        List<String> messages = flashList().stream().map(String::valueOf).toList();
        remove(FLASHES);
        return messages;
    }

    private List<?> flashList() {
        return data.get(FLASHES) instanceof List<?> list ? list : List.of();
    }

    /** @return whether anything changed during this request */
    public boolean modified() {
        return modified;
    }

    Map<String, Object> data() {
        return data;
    }
}
