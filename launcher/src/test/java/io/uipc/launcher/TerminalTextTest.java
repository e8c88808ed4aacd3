package io.uipc.launcher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalTextTest {
    @Test
    void controlCharactersAndBackslashBecomeVisibleEscapes() {
        assertEquals("\\x1b[2J\\x0a\\x00\\x07\\x7f\\x80\\x9b\\x9f\\\\", TerminalText.escape("\u001b[2J\n\u0000\u0007\u007f\u0080\u009b\u009f\\"));
    }

    @Test
    void printableTextIsUnchanged() {
        assertEquals("m-1 worker ~ \u00a0é\ufffd", TerminalText.escape("m-1 worker ~ \u00a0é\ufffd"));
    }
}
