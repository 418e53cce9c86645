package dev.beanstalk.client.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.internal.protocol.Command;
import dev.beanstalk.client.internal.protocol.Commands;
import dev.beanstalk.client.internal.protocol.TestCommands;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A batch that fails to encode fails only its own commands and leaves the stream exactly as before it. */
@Beanstalkd
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EncodingFailureIntegrationTests {

    @Test
    void anOutOfMemoryErrorWhileEncodingFailsOnlyItsBatch(BeanstalkdServer server) {
        Connector connector = new Connector(ConnectionOptions.of(server.host(), server.port()));
        try (ProtocolConnection connection = connector.connect()) {
            String tube = "encoding-failure";
            List<Command<Long>> batch = List.of(put("a"), put("b"), TestCommands.putThatRunsOutOfMemoryWhileEncoding(),
                    put("c"));
            List<CompletableFuture<Long>> results = connection.executeAll(tube, batch);
            assertThat(results).allSatisfy(result -> assertThat(result).isCompletedExceptionally());
            try {
                results.get(2).join();
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(BeanstalkException.class).hasMessageContaining("none of them was sent")
                        .hasCauseInstanceOf(OutOfMemoryError.class);
            }
            assertThat(connection.isOpen()).isTrue();
            long id = connection.execute(tube, put("after"));
            assertThat(connection.execute(Commands.peek(id)).orElseThrow().bodyAsString()).isEqualTo("after");
            assertThat(connection.execute(Commands.statsTube(tube)).orElseThrow().currentJobsReady()).isEqualTo(1);
            assertThat(connection.execute(Commands.listTubeUsed())).isEqualTo(tube);
        }
    }

    private static Command<Long> put(String body) {
        return Commands.put(body.getBytes(StandardCharsets.US_ASCII), JobOptions.DEFAULT, 65_535);
    }
}
