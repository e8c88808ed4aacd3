package io.uipc.launcher.spec.legacy;

import io.uipc.launcher.spec.OldSpecFormat;

/**
 * Converts a spec in uipc's old, INI-like format ({@code [group]}, {@code [process NAME]}, unquoted
 * {@code key = value} lines) to the TOML format {@link io.uipc.launcher.spec.SpecParser} reads, for
 * {@code uipc convert-spec}. The old format is read here and nowhere else.
 */
public final class SpecConverter {
    private SpecConverter() {
    }

    /**
     * Tells whether a spec is in the old format: it has a {@code [group]} or {@code [process NAME]} section
     * line, which the TOML format has not.
     *
     * @param text the spec
     * @return true for an old-format spec
     */
    public static boolean isOldFormat(final String text) {
        return OldSpecFormat.isOld(text);
    }

    /**
     * Converts an old-format spec. Its meaning is kept (parsing the result gives an equal spec, apart from
     * line numbers); so are its comment lines, each before the table that followed it.
     *
     * @param source name of the spec, for messages
     * @param text   the old-format spec
     * @return the TOML spec
     * @throws io.uipc.launcher.spec.SpecException if the old spec is malformed, naming its line and field
     */
    public static String convert(final String source, final String text) {
        return TomlSpecWriter.write(LegacySpecParser.parse(source, text));
    }
}
