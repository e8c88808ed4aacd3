/**
 * Raw views of the shared files, by the layouts of their descriptor classes, for tests: to
 * observe what the protocol leaves in shared memory, to check a group's invariants
 * independently of the code that keeps them, and to corrupt entries as a faulty or hostile
 * process would.
 */
package io.uipc.testing.raw;
