/**
 * Runs gateway applications inside Jakarta Servlet 6 containers:
 * {@link io.gatehouse.servlet.GatewayServlet}.
 *
 * {@snippet :
 * context.addServlet(new ServletHolder(new GatewayServlet(app)), "/*");
 * }
 */
package io.gatehouse.servlet;
