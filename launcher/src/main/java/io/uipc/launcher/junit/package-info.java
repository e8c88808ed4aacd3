/**
 * The JUnit 5 extension for multi-JVM tests: a group launched from a spec before a test and
 * stopped and removed after it.
 */
package io.uipc.launcher.junit;
