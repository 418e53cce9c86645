package dev.beanstalk.client;

/** A beanstalkd server's host and port; {@link #parse(String)} reads {@code host:port} and {@code [v6]:port}. */
public record ServerAddress(String host, int port) {

    public static final int DEFAULT_PORT = 11300;

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
    }

    /** Reads {@code host}, {@code host:port} or {@code [ipv6]:port}; the port defaults to 11300. */
    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("server address must not be empty");
        }
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        boolean bracketed = value.startsWith("[");
        if (bracketed && value.indexOf(']') < colon || !bracketed && colon > 0 && value.indexOf(':') == colon) {
            String host = value.substring(0, colon);
            String port = value.substring(colon + 1);
            try {
                return new ServerAddress(host.replace("[", "").replace("]", ""), Integer.parseInt(port));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("server address '" + text + "' has a port that is not a number", e);
            }
        }
        return new ServerAddress(value.replace("[", "").replace("]", ""), DEFAULT_PORT);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
