package dev.beanstalk.client;

import dev.beanstalk.client.internal.protocol.Limits;

/** beanstalkd's rule for tube names: 1 to 200 of {@code A-Za-z0-9-+/;.$_()}, not starting with {@code -}. */
public final class TubeNames {

    private TubeNames() {
    }

    /** Returns {@code name} if the server accepts it, else throws an {@link IllegalArgumentException} naming the rule. */
    public static String requireValid(String name) {
        return Limits.tube(name);
    }

    /** Whether the server accepts {@code name}. */
    public static boolean isValid(String name) {
        try {
            Limits.tube(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
