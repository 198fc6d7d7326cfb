/**
 * The application server: a master process ({@link io.gatehouse.appserver.Arbiter}) that binds the
 * listening socket once and keeps worker JVMs ({@link io.gatehouse.appserver.WorkerMain}) serving it,
 * restarting, recycling and reloading them without dropping a connection.
 *
 * {@snippet :
 * System.exit(new Arbiter(ArbiterConfig.defaults("com.example.Hello").withWorkers(4)).run());
 * }
 */
package io.gatehouse.appserver;
