package dev.beanstalk.embedded.internal.protocol;

/** beanstalkd's tube name rules: 1 to 200 bytes of {@code A-Za-z0-9-+/;.$_()}, not starting with {@code -}. */
public final class TubeNames {

    public static final int MAX_LENGTH = 200;

    private static final boolean[] NAME_CHARS = new boolean[256];

    static {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-+/;.$_()";
        for (int i = 0; i < chars.length(); i++) {
            NAME_CHARS[chars.charAt(i)] = true;
        }
    }

    private TubeNames() {
    }

    public static boolean isNameChar(byte b) {
        return NAME_CHARS[b & 0xFF];
    }

    /** Whether {@code bytes[from, to)} is a valid tube name. */
    public static boolean isValid(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_LENGTH || bytes[from] == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isNameChar(bytes[i])) {
                return false;
            }
        }
        return true;
    }
}
