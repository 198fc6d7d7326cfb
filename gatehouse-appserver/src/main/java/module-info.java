/** The application server: master process, worker JVMs, shared listening socket. */
module io.gatehouse.appserver {
    requires transitive io.gatehouse.server;
    requires jdk.unsupported;
    requires info.picocli;
    exports io.gatehouse.appserver;
    opens io.gatehouse.appserver to info.picocli;
}
