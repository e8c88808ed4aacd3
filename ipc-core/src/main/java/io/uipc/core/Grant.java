package io.uipc.core;

/**
 * The kernel RFC's model, for comparison with the shared UITT: a receiver mints a grant for one
 * vector (the RFC's {@code uintr_create_fd}) and hands it to a sender, who registers it into the
 * sender's own {@link PrivateUitt} (the RFC's {@code uintr_register_sender}).
 *
 * @param upidIndex      the receiver's UPID slot
 * @param upidGeneration the UPID generation at minting; sends fail once the receiver is gone
 * @param vector         the user vector, 0..63
 */
public record Grant(int upidIndex, int upidGeneration, int vector) {
    /**
     * Checks the fields.
     *
     * @param upidIndex      the receiver's UPID slot
     * @param upidGeneration the UPID generation at minting
     * @param vector         the user vector, 0..63
     * @throws IllegalArgumentException if the vector or the index is out of range
     */
    public Grant {
        Vectors.check(vector);
        if (upidIndex < 0) {
            throw new IllegalArgumentException("negative UPID index " + upidIndex);
        }
    }

    /**
     * Encodes the grant for handing it to another process.
     *
     * @return its text form, for {@link #parse}
     */
    public String encode() {
        return "grant:" + upidIndex + ":" + Integer.toUnsignedString(upidGeneration) + ":" + vector;
    }

    /**
     * Reads a grant another process encoded.
     *
     * @param text a string made by {@link #encode()}
     * @return the grant
     * @throws IllegalArgumentException if the text is not a grant
     */
    public static Grant parse(final String text) {
        final String[] p = text.split(":");
        if (p.length != 4 || !p[0].equals("grant")) {
            throw new IllegalArgumentException("not a grant: '" + text + "' (expected grant:<upid>:<generation>:<vector>)");
        }
        try {
            return new Grant(Integer.parseInt(p[1]), Integer.parseUnsignedInt(p[2]), Integer.parseInt(p[3]));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("not a grant: '" + text + "': " + e.getMessage(), e);
        }
    }
}
