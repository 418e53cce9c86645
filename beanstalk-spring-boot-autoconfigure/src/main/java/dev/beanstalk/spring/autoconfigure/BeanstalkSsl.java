package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.ServerAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;

/** Turns {@code beanstalk.ssl.*} into the client's TLS contexts, from Spring Boot's SSL bundles. */
final class BeanstalkSsl {

    private BeanstalkSsl() {
    }

    static void configure(ConnectionOptions.Builder options, BeanstalkSslProperties ssl,
            ObjectProvider<SslBundles> sslBundles) {
        options.hostnameVerification(ssl.isHostnameVerification());
        if (ssl.getBundle() == null && ssl.getServerBundles().isEmpty()) {
            return;
        }
        SslBundles bundles = sslBundles.getIfAvailable();
        if (bundles == null) {
            throw new IllegalStateException("beanstalk.ssl names SSL bundles, but the application has no SslBundles"
                    + " bean (spring.ssl.bundle.*)");
        }
        if (ssl.getBundle() != null) {
            options.sslContext(bundles.getBundle(ssl.getBundle()).createSslContext());
        }
        ssl.getServerBundles().forEach((server, bundle) ->
                options.sslContext(ServerAddress.parse(server), bundles.getBundle(bundle).createSslContext()));
    }
}
