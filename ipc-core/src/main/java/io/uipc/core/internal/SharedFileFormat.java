package io.uipc.core.internal;

import io.uipc.core.LayoutException;
import org.agrona.concurrent.AtomicBuffer;

import java.util.function.Function;

/**
 * What {@link SharedDirectory} checks of a shared file before it opens or maps one: what the
 * file is, the size range its descriptor allows, and the layout exception its failures are
 * reported as. Each descriptor holds one, as a constant; its validate method, which reads the
 * mapped header, is the {@link Validator} {@link SharedDirectory#attach} runs next.
 *
 * @param kind      what the file is, as messages name it ("interrupt domain", "inbox")
 * @param minLength the smallest file that can be one (its header length)
 * @param maxLength the largest file that can be one
 * @param errors    makes the descriptor's layout exception from a message
 */
public record SharedFileFormat(String kind, long minLength, long maxLength, Function<String, ? extends LayoutException> errors) {
    /**
     * Checks that files of the range can be mapped.
     *
     * @param kind      what the file is, as messages name it ("interrupt domain", "inbox")
     * @param minLength the smallest file that can be one (its header length)
     * @param maxLength the largest file that can be one
     * @param errors    makes the descriptor's layout exception from a message
     * @throws IllegalArgumentException if the range is empty or over 2 GiB
     */
    public SharedFileFormat {
        if (minLength < 0 || maxLength < minLength || maxLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(kind + " length range " + minLength + ".." + maxLength + " is not mappable");
        }
    }

    /**
     * Makes this format's layout exception.
     *
     * @param message one line naming the file and the field
     * @return the exception, to throw
     */
    public LayoutException error(final String message) {
        return errors.apply(message);
    }

    /** A descriptor's validation of a mapped file. */
    @FunctionalInterface
    public interface Validator {
        /**
         * Checks a mapped file's magic, version, lengths and size.
         *
         * @param file   the file's path, for messages
         * @param buffer the whole mapped file
         * @param size   the file's size
         * @throws LayoutException naming the file and the field that failed
         */
        void validate(String file, AtomicBuffer buffer, long size);
    }
}
