/**
 * CGI (RFC 3875) for the Gatehouse gateway interface, both ways:
 * {@link io.gatehouse.cgi.CgiApplication} runs CGI scripts as an application, and
 * {@link io.gatehouse.cgi.CgiHandler} runs an application as a CGI script.
 */
package io.gatehouse.cgi;
