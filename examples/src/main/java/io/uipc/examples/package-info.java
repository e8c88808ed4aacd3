/**
 * Database-style example programs run by {@code uipc launch} and {@code uipc demo}, and what they
 * share: option parsing, finding the group from the launcher's environment, latency histograms.
 */
package io.uipc.examples;
