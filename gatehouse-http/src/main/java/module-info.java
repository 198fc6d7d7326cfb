/** The I/O-free HTTP/1.1 codec shared by the server and the reverse proxy; JDK only. */
module io.gatehouse.http {
    exports io.gatehouse.http;
}
