package dev.beanstalk.client.internal.protocol;

import java.nio.charset.StandardCharsets;

/** Commands that tests need and {@link Commands} never builds. */
public final class TestCommands {

    private TestCommands() {
    }

    /** A put whose encoding writes half its bytes and then runs out of memory, as a huge body can. */
    public static Command<Long> putThatRunsOutOfMemoryWhileEncoding() {
        return new Command<>(CommandType.PUT, null, 0, sink -> {
            sink.write("put 1024 0 60 5\r\nhal".getBytes(StandardCharsets.US_ASCII));
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        }, (reader, limits) -> {
            throw new AssertionError("a put that was never sent got a reply: " + reader.line());
        });
    }
}
