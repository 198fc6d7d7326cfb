/** The HTTP/1.1 server written from sockets; depends on the spec and the codec only. */
module io.gatehouse.server {
    requires transitive io.gatehouse.spec;
    requires transitive io.gatehouse.http;
    exports io.gatehouse.server;
}
