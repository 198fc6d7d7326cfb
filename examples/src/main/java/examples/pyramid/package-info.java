/**
 * The seed's Pyramid example on the Configurator front door; see the class comment of each class for how to run it.
 */
package examples.pyramid;
