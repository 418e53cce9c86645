package dev.beanstalk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link Beanstalkd}: one server per test class, resolved as a {@link BeanstalkdServer}
 * parameter.
 */
public final class BeanstalkdExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BeanstalkdExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Beanstalkd settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Beanstalkd.class)
                .orElseThrow(() -> new IllegalStateException("@Beanstalkd is missing on " + context.getRequiredTestClass()));
        BeanstalkdServer.Builder builder = BeanstalkdServer.builder().arguments(settings.arguments());
        if (settings.embedded()) {
            builder.embedded();
        }
        if (settings.maxJobSize() > 0) {
            builder.maxJobSize(settings.maxJobSize());
        }
        Path binlog = null;
        if (settings.binlog()) {
            binlog = Files.createTempDirectory("beanstalkd-binlog-");
            builder.binlogDirectory(binlog);
        }
        BeanstalkdServer server = builder.build().start();
        context.getStore(NAMESPACE).put(BeanstalkdServer.class, server);
        if (binlog != null) {
            context.getStore(NAMESPACE).put(Path.class, binlog);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        BeanstalkdServer server = context.getStore(NAMESPACE).remove(BeanstalkdServer.class, BeanstalkdServer.class);
        if (server != null) {
            server.close();
        }
        Path binlog = context.getStore(NAMESPACE).remove(Path.class, Path.class);
        if (binlog != null) {
            deleteRecursively(binlog);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BeanstalkdServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BeanstalkdServer server = context.getStore(NAMESPACE).get(BeanstalkdServer.class, BeanstalkdServer.class);
        if (server == null) {
            throw new ParameterResolutionException("No beanstalkd was started for " + context.getRequiredTestClass());
        }
        return server;
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
