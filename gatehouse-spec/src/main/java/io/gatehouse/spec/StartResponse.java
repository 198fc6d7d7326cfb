package io.gatehouse.spec;

import java.util.List;

/**
 * The callback through which an application sets its response's status line and header fields.
 *
 * <p>Calling it does not send anything: the server keeps the status and headers until the body
 * produces its first non-empty chunk (or ends empty), so an application may still replace them by
 * calling again with {@code excInfo} when an error happens before that.
 *
 * <ul>
 *   <li>{@code status} is a three-digit code, one space and a reason phrase: {@code "200 OK"}.</li>
 *   <li>{@code headers} are the response fields in order; names are tokens, values hold no CR, LF
 *       or NUL, and hop-by-hop fields ({@code Connection}, {@code Keep-Alive},
 *       {@code Transfer-Encoding}, {@code TE}, {@code Trailer}, {@code Upgrade},
 *       {@code Proxy-Connection}) are the server's business, not the application's.</li>
 *   <li>A second call without {@code excInfo} is an error ({@link IllegalStateException}).
 *       A call with {@code excInfo} replaces the earlier status and headers if they were not sent
 *       yet, and otherwise re-throws {@code excInfo} so the server can abort the response.</li>
 * </ul>
 */
@FunctionalInterface
public interface StartResponse {

    /**
     * Sets the status line and header fields of the response.
     *
     * @param status  for example {@code "404 Not Found"}
     * @param headers the header fields, in order
     * @param excInfo the error being reported, or {@code null} for a normal call
     */
    void start(String status, List<Header> headers, Throwable excInfo);

    /**
     * Sets the status line and header fields of the response; the same as
     * {@code start(status, headers, null)}.
     *
     * @param status  for example {@code "200 OK"}
     * @param headers the header fields, in order
     */
    default void start(String status, List<Header> headers) {
        start(status, headers, null);
    }
}
