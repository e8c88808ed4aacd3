package io.uipc.cli;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.table.ProcessTableDescriptor;
import io.uipc.table.mailbox.InboxDescriptor;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code uipc --version} prints: the build, and the layout version of each shared file it
 * reads. A group made by a build with other layout versions is refused when attached, in one
 * line naming both versions and the file.
 */
public final class UipcVersion implements IVersionProvider {
    /** The build's version. */
    static final String BUILD = "0.1.0";

    /** Creates the provider; picocli calls it. */
    public UipcVersion() {
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "uipc " + BUILD,
            "layout versions read: domain " + DomainHeaderDescriptor.LAYOUT_VERSION + ", process table "
                + ProcessTableDescriptor.LAYOUT_VERSION + ", inbox " + InboxDescriptor.LAYOUT_VERSION,
        };
    }
}
