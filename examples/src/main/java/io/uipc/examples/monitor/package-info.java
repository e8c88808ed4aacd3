/**
 * A PMON-like monitor that reports members joining and leaving the group.
 */
package io.uipc.examples.monitor;
