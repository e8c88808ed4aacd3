/**
 * The JUnit 5 extension for multi-JVM tests ({@code uipc-junit}): a process group named after the
 * test, launched from a spec or by the test, per test method or per test class, and stopped and
 * removed after it. Works on JUnit 5.10 and later.
 */
package io.uipc.junit;
