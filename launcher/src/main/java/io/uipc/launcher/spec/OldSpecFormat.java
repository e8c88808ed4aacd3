package io.uipc.launcher.spec;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Recognises a spec in uipc's old, INI-like format, which the TOML format replaced: it has a {@code [group]}
 * or {@code [process NAME]} section line. Such a spec gets a one-line hint naming the command that converts it.
 */
public final class OldSpecFormat {
    private static final Pattern OLD_SECTION =
        Pattern.compile("(?m)^[ \\t]*\\[[ \\t]*(group|process[ \\t]+[^\\]\\s]+)[ \\t]*][ \\t]*([#;].*)?\\r?$");

    private OldSpecFormat() {
    }

    /**
     * Tells whether a spec is in the old format.
     *
     * @param text the spec
     * @return true if a line is {@code [group]} or {@code [process NAME]}
     */
    public static boolean isOld(final String text) {
        return OLD_SECTION.matcher(text).find();
    }

    /**
     * The one line that tells what to do with an old-format spec.
     *
     * @param file the spec as named by its user
     * @return the hint, e.g. {@code a.spec is in uipc's old spec format; convert it with: uipc convert-spec a.spec > a.toml}
     */
    static String hint(final String file) {
        return file + " is in uipc's old spec format; convert it with: uipc convert-spec " + file + " > " + tomlName(file);
    }

    private static String tomlName(final String file) {
        final String name = Path.of(file).getFileName() == null ? "" : Path.of(file).getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String toml = (dot > 0 ? file.substring(0, file.length() - name.length() + dot) : file) + ".toml";
        return toml.equals(file) || name.isEmpty() ? "NEW.toml" : toml;
    }
}
