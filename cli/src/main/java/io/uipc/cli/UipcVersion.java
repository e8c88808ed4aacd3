package io.uipc.cli;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.table.ProcessTableDescriptor;
import io.uipc.table.mailbox.InboxDescriptor;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What {@code uipc --version} prints: the build (the pom's version and the git commit it was built
 * from, both filtered by the build into {@code io/uipc/cli/version.properties}), and the layout
 * version of each shared file it reads. A group made by a build with other layout versions is
 * refused when attached, in one line naming both versions and the file.
 */
public final class UipcVersion implements IVersionProvider {
    private static final Properties BUILD = load();

    /** Creates the provider; picocli calls it. */
    public UipcVersion() {
    }

    private static Properties load() {
        try (InputStream in = UipcVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties missing from the cli jar: rebuild with Maven");
            }
            final Properties p = new Properties();
            p.load(in);
            return p;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the build's version, the pom's} */
    private static String version() {
        return BUILD.getProperty("version");
    }

    /** {@return the abbreviated git commit of the build, or "unknown" when it was built outside a git checkout} */
    private static String commit() {
        final String commit = BUILD.getProperty("commit", "").strip();
        return commit.isEmpty() || commit.startsWith("$") ? "unknown" : commit;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "uipc " + version() + " (commit " + commit() + ")",
            "layout versions read: domain " + DomainHeaderDescriptor.LAYOUT_VERSION + ", process table "
                + ProcessTableDescriptor.LAYOUT_VERSION + ", inbox " + InboxDescriptor.LAYOUT_VERSION,
        };
    }
}
