/**
 * A realistic notes service: JSON API, HTML pages with a form, sessions and static assets; see the class comment of each class for how to run it.
 */
package examples.notes;
