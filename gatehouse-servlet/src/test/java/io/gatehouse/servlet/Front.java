package io.gatehouse.servlet;

/**
 * One way of running an application and sending it a request: in process, on Jetty, on Gatehouse's
 * server. {@link SameResponsesTest} sends the same script through each and compares what came back.
 */
interface Front extends AutoCloseable {

    /**
     * @param method      the method
     * @param path        the path and query
     * @param contentType the request's type, or {@code null}
     * @param body        the request body, or {@code null}
     * @param cookie      the {@code Cookie} field to send, or {@code null}
     * @return what came back
     * @throws Exception when the request fails
     */
    Seen send(String method, String path, String contentType, String body, String cookie) throws Exception;

    @Override
    void close();
}
