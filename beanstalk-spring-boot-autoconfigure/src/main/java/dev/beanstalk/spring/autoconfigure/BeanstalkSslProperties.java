package dev.beanstalk.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** TLS to beanstalkd behind stunnel or HAProxy, from Spring Boot SSL bundles: {@code beanstalk.ssl.*}. */
public class BeanstalkSslProperties {

    /** Name of the SSL bundle (spring.ssl.bundle.*) that connections to every server use; plain TCP when unset. */
    private @Nullable String bundle;

    /** SSL bundle names by server (host:port as in beanstalk.servers), for servers that need another than bundle. */
    private Map<String, String> serverBundles = new LinkedHashMap<>();

    /** Whether a server's certificate must name the host connected to. */
    private boolean hostnameVerification = true;

    public @Nullable String getBundle() {
        return bundle;
    }

    public void setBundle(@Nullable String bundle) {
        this.bundle = bundle;
    }

    public Map<String, String> getServerBundles() {
        return serverBundles;
    }

    public void setServerBundles(Map<String, String> serverBundles) {
        this.serverBundles = serverBundles;
    }

    public boolean isHostnameVerification() {
        return hostnameVerification;
    }

    public void setHostnameVerification(boolean hostnameVerification) {
        this.hostnameVerification = hostnameVerification;
    }
}
