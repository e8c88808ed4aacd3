package io.uipc.table;

/**
 * The names of the files in a group's directory, each file's layout owned by its descriptor.
 *
 * <pre>
 *   &lt;root&gt;/&lt;group&gt;/               mode 0700, or 0770 in Unix-group mode
 *     domain                       the interrupt domain (io.uipc.core.emulated.DomainHeaderDescriptor)
 *     table                        the process table ({@link ProcessTableDescriptor})
 *     locks                        the lock file ({@link LockFileDescriptor})
 *     secret                       the group secret, one line of text (0600, or 0640 in Unix-group mode)
 *     inbox.&lt;member&gt;               a member's inbox (io.uipc.table.mailbox.InboxDescriptor), see {@link #inbox}
 *     .&lt;file&gt;.creating-&lt;pid&gt;-&lt;n&gt;-&lt;ns&gt;  a file being created (io.uipc.core.internal.TemporaryNames), renamed
 *                                  to its name once complete
 * </pre>
 *
 * <p>Every name is one path element, so a file is always opened relative to the opened group
 * directory. Member names are printable ASCII and may hold '/', so an inbox's name escapes them.
 */
public final class GroupFileNames {
    /** The interrupt domain. */
    public static final String DOMAIN = "domain";
    /** The process table. */
    public static final String TABLE = "table";
    /** The lock file. */
    public static final String LOCKS = "locks";
    /** The group secret. */
    public static final String SECRET = "secret";
    /** What every inbox's name starts with. */
    public static final String INBOX_PREFIX = "inbox.";

    private GroupFileNames() {
    }

    /**
     * Names a member's inbox file.
     *
     * @param memberName a member name (printable ASCII, may hold '/')
     * @return "inbox." and the name, with every byte other than letters, digits, '.', '_' and
     *     '-' written as %XX
     */
    public static String inbox(final String memberName) {
        final StringBuilder sb = new StringBuilder(INBOX_PREFIX);
        for (int i = 0; i < memberName.length(); i++) {
            final char c = memberName.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", (int) c));
            }
        }
        return sb.toString();
    }
}
