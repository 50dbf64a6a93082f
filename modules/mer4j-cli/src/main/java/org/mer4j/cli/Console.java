package org.mer4j.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines with a time stamp, on standard output. */
final class Console {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {
    }

    static void line(String message) {
        if (TerminalProgress.barShowing()) {
            System.err.print("\r\u001b[2K"); // clear the bar's line; the bar redraws itself below
            System.err.flush();
        }
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + message);
        System.out.flush();
    }
}
