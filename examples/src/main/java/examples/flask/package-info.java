/**
 * The seed's Flask example on the App front door; see the class comment of each class for how to run it.
 */
package examples.flask;
