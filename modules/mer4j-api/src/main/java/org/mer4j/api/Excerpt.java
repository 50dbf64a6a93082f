package org.mer4j.api;

/**
 * Short, escaped excerpts of file contents for error messages. A message may quote the offending
 * field of a file inside the data root so a user can find it, but never more than
 * {@value #MAX_CHARS} characters of it, and never raw control characters: those (and invisible
 * format characters such as bidirectional overrides) are written as <code>&#92;uXXXX</code>, so a
 * quoted value cannot break a log line, forge another one or reorder the text around it. Files
 * outside the data root are not quoted at all (see {@link DataRoot#contains}).
 */
public final class Excerpt {
    /** At most this many characters of the original text are quoted. */
    public static final int MAX_CHARS = 80;

    private Excerpt() {
    }

    /** The excerpt in single quotes, e.g. <code>'abc&#92;u0009def'</code>, or {@code 'aaaa...' (50000000 chars)} when cut. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return "'" + escapedHead(text) + (cut(text) ? "...' (" + text.length() + " chars)" : "'");
    }

    /**
     * The excerpt without quotes: at most {@value #MAX_CHARS} characters of {@code text}, control and
     * format characters escaped; a longer text ends in {@code ... (N chars)}.
     */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        return escapedHead(text) + (cut(text) ? "... (" + text.length() + " chars)" : "");
    }

    private static boolean cut(String text) {
        return text.length() > MAX_CHARS;
    }

    /** The first {@value #MAX_CHARS} characters (a surrogate pair is never split), escaped. */
    private static String escapedHead(String text) {
        int n = text.length();
        int end = Math.min(n, MAX_CHARS);
        if (end < n && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        StringBuilder sb = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (needsEscape(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean needsEscape(char c) {
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return true; // C0/C1 controls, DEL, and surrogates not part of a pair
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
