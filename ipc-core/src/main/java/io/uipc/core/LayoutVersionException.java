package io.uipc.core;

/**
 * A shared file written by a build that lays it out differently: its layout version is not the
 * one this build reads. One line naming the file, both versions and what to do, e.g.
 * "group g: domain layout version 1 in /dev/shm/uipc/g/domain but this build reads version 2:
 * stop the group's members and re-create it with this build". Nothing else in the file is read.
 */
public final class LayoutVersionException extends LayoutException {
    private static final long serialVersionUID = 1L;

    /** What the file is: "domain", "process table" or "inbox". */
    private final String layout;
    /** The file's path. */
    private final String file;
    /** The layout version found in the file. */
    private final int found;
    /** The layout version this build reads. */
    private final int reads;
    /** The group the file belongs to, or null when not known (a domain attached alone). */
    private final String group;

    /**
     * Creates the exception for a file attached outside a group, or before its group is known.
     *
     * @param layout what the file is: "domain", "process table" or "inbox"
     * @param file   the file's path
     * @param found  the version in the file
     * @param reads  the version this build reads
     */
    public LayoutVersionException(final String layout, final String file, final int found, final int reads) {
        this(layout, file, found, reads, null);
    }

    private LayoutVersionException(final String layout, final String file, final int found, final int reads, final String group) {
        super(message(layout, file, found, reads, group));
        this.layout = layout;
        this.file = file;
        this.found = found;
        this.reads = reads;
        this.group = group;
    }

    private static String message(final String layout, final String file, final int found, final int reads, final String group) {
        return (group == null ? "" : "group " + group + ": ") + layout + " layout version " + found + " in " + file
            + " but this build reads version " + reads + ": "
            + (group == null ? "re-create it with this build" : "stop the group's members and re-create it with this build");
    }

    /**
     * Says which group the file belongs to.
     *
     * @param groupName the group's name
     * @return the same failure, its message naming the group
     */
    public LayoutVersionException inGroup(final String groupName) {
        final LayoutVersionException e = new LayoutVersionException(layout, file, found, reads, groupName);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** {@return what the file is: "domain", "process table" or "inbox"} */
    public String layout() {
        return layout;
    }

    /** {@return the file's path} */
    public String file() {
        return file;
    }

    /** {@return the layout version found in the file} */
    public int found() {
        return found;
    }

    /** {@return the layout version this build reads} */
    public int reads() {
        return reads;
    }
}
