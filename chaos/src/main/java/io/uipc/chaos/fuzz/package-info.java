/** The shared-memory corruption fuzzer: random bytes into live group files, then every reader. */
package io.uipc.chaos.fuzz;
