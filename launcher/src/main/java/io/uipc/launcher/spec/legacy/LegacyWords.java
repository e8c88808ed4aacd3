package io.uipc.launcher.spec.legacy;

import java.util.ArrayList;
import java.util.List;

/** Splits a spec value into words as a shell would for simple cases: spaces separate, quotes group. */
final class LegacyWords {
    private LegacyWords() {
    }

    /**
     * @param text e.g. {@code -Xmx64m "-Dgreeting=hello world"}
     * @return the words
     * @throws IllegalArgumentException if a quote is not closed
     */
    static List<String> split(final String text) {
        final List<String> words = new ArrayList<>();
        final StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote in '" + text + "'");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
