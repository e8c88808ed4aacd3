/**
 * Group commit: foreground processes mail their redo records to a log writer, which batches them
 * into one write and sync and rings each committer back.
 */
package io.uipc.examples.logwriter;
