package dev.beanstalk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy in front of an echo server: each fault does what it says, and {@link FaultProxy#passThrough()} ends it. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultProxyTests {

    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket();
        echo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = echo.accept();
                    Thread pump = new Thread(() -> echoAll(socket));
                    pump.setDaemon(true);
                    pump.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        proxy = FaultProxy.start("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesBytesThroughAndSplitsThemOnRequest() throws IOException {
        try (Socket client = connect()) {
            send(client, "hello");
            assertThat(read(client, 5)).isEqualTo("hello");
            proxy.splitEveryByte();
            send(client, "split");
            assertThat(read(client, 5)).isEqualTo("split");
            assertThat(proxy.openConnections()).isEqualTo(1);
            assertThat(proxy.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void injectsBytesTowardsTheClient() throws IOException {
        try (Socket client = connect()) {
            send(client, "a");
            assertThat(read(client, 1)).isEqualTo("a");
            proxy.inject("INJECTED".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(client, 8)).isEqualTo("INJECTED");
        }
    }

    @Test
    void dropsAConnectionAfterSoManyBytes() throws IOException {
        proxy.dropAfter(3);
        try (Socket client = connect()) {
            send(client, "abcdef");
            // the server got "abc"; its echo may or may not make it back before the connection is dropped
            String received;
            try {
                received = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            } catch (SocketException reset) {
                received = "";
            }
            assertThat("abc").startsWith(received);
        }
    }

    @Test
    void resetsEveryConnection() throws IOException {
        try (Socket client = connect()) {
            send(client, "a");
            assertThat(read(client, 1)).isEqualTo("a");
            proxy.resetAll();
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aBlackHoleAcceptsAndNeverAnswersUntilPassThrough() throws IOException {
        proxy.blackHole();
        try (Socket client = connect()) {
            client.setSoTimeout(300);
            send(client, "a");
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
        proxy.passThrough();
        try (Socket client = connect()) {
            send(client, "b");
            assertThat(read(client, 1)).isEqualTo("b");
        }
    }

    @Test
    void stopsReadingAndDelaysUntilPassThrough() throws IOException {
        try (Socket client = connect()) {
            proxy.stopReading();
            client.setSoTimeout(300);
            send(client, "a");
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.passThrough().delayPerChunk(Duration.ofMillis(100));
            client.setSoTimeout(5_000);
            long start = System.nanoTime();
            assertThat(read(client, 1)).isEqualTo("a");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(Socket socket, int length) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static void echoAll(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the connection ends
        }
    }
}
