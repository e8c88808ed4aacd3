/**
 * Two processes that interrupt each other in turn: the smallest uipc program.
 */
package io.uipc.examples.pingpong;
