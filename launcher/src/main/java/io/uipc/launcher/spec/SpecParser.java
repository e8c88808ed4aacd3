package io.uipc.launcher.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlStreamReadException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the group spec format of {@code uipc launch} (docs/launcher.md): TOML, read by Jackson's TOML
 * module, with the group's settings at the top level and one {@code [[member]]} table per process kind.
 * Every error is one line naming the file, the line and the key. A spec in uipc's old format
 * ({@link OldSpecFormat}) gets a hint naming the command that converts it.
 */
public final class SpecParser {
    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern KEY = Pattern.compile("[ \\t]*([A-Za-z0-9_-]+)[ \\t]*=.*", Pattern.DOTALL);

    private SpecParser() {
    }

    /**
     * Parses a spec file.
     *
     * @param file a spec file
     * @return the spec; relative class path entries are resolved against the file's directory
     * @throws SpecException if the file is missing, unreadable, not a regular file, too large, not UTF-8, in the old
     *     format ({@link OldSpecFormatException}) or malformed
     */
    public static LaunchSpec parse(final Path file) {
        final String text = SpecFile.read(file);
        if (OldSpecFormat.isOld(text)) {
            throw new OldSpecFormatException(file.toString());
        }
        final Path base = file.toAbsolutePath().getParent();
        final LaunchSpec spec = parse(file.getFileName().toString(), text);
        final List<String> cp = new ArrayList<>();
        for (final String entry : spec.classPath()) {
            cp.add(base.resolve(entry).toString());
        }
        return new LaunchSpec(spec.source(), spec.groupName(), spec.gracePeriod(), spec.readyTimeout(), spec.onFailure(), cp,
            spec.entries(), spec.receivers(), spec.uitt(), spec.processes());
    }

    /**
     * Parses spec text.
     *
     * @param source name of the spec, for messages
     * @param text   the spec
     * @return the spec
     * @throws SpecException if it is in the old format ({@link OldSpecFormatException}) or malformed
     */
    public static LaunchSpec parse(final String source, final String text) {
        if (OldSpecFormat.isOld(text)) {
            throw new OldSpecFormatException(source);
        }
        final int nul = text.indexOf('\0');
        if (nul >= 0) {
            final Matcher key = KEY.matcher(text.substring(text.lastIndexOf('\n', nul) + 1, nul));
            throw new SpecException(source, lineAt(text, nul), key.matches() ? key.group(1) : null, "NUL character (\\x00) not allowed in a spec");
        }
        final JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (final TomlStreamReadException e) {
            throw syntaxError(source, text, e);
        } catch (final IOException e) {
            throw new SpecException(source, 0, null, "not valid TOML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(source, 0, null, "no member: add a [[member]] table with at least name = \"NAME\" and main = \"CLASS\"");
        }
        return SpecReader.read(source, TomlKeyLines.of(text), root);
    }

    private static SpecException syntaxError(final String source, final String text, final TomlStreamReadException e) {
        final String what = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().lines().findFirst().orElse("");
        if (what.startsWith("Duplicate key")) {
            final int line = TomlKeyLines.of(text).duplicate();
            if (line > 0) {
                return new SpecException(source, line, null, "not valid TOML: a key is set twice in one table");
            }
        }
        final JsonLocation at = e.getLocation();
        final int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        final String column = at == null || at.getColumnNr() < 1 ? "" : " (column " + at.getColumnNr() + ")";
        return new SpecException(source, line, null, "not valid TOML: " + lowerFirst(what) + column);
    }

    private static String lowerFirst(final String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static int lineAt(final String text, final int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
