package dev.beanstalk.spring.autoconfigure.dashboard;

import dev.beanstalk.dashboard.DashboardActionController;
import dev.beanstalk.dashboard.DashboardApiController;
import dev.beanstalk.dashboard.DashboardPageController;
import dev.beanstalk.dashboard.DashboardQueries;
import dev.beanstalk.dashboard.DashboardSettings;
import dev.beanstalk.dashboard.ListenerFailures;
import dev.beanstalk.dashboard.StatsSampler;
import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The beanstalkd dashboard, in a servlet web application with beanstalk-dashboard on the classpath and
 * {@code beanstalk.dashboard.enabled=true}: its page, JSON API and actions under {@code beanstalk.dashboard.path}, a
 * stats sampler and the listener failures it remembers.
 *
 * <p>The dashboard adds no security of its own: with Spring Security the application's rules protect it, and its
 * actions are POSTs carrying the CSRF token. Without Spring Security its actions are served only when
 * {@code beanstalk.dashboard.read-only=false}, and a warning at startup says they are unprotected.
 */
@AutoConfiguration(after = BeanstalkAutoConfiguration.class)
@ConditionalOnClass({DashboardApiController.class, DispatcherServlet.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("beanstalk.dashboard.enabled")
@ConditionalOnBean(BeanstalkOperations.class)
@EnableConfigurationProperties(BeanstalkDashboardProperties.class)
public final class BeanstalkDashboardAutoConfiguration {

    private static final Log log = LogFactory.getLog(BeanstalkDashboardAutoConfiguration.class);

    static final String SPRING_SECURITY = "org.springframework.security.web.SecurityFilterChain";

    @Bean
    DashboardSettings beanstalkDashboardSettings(BeanstalkDashboardProperties properties, ApplicationContext context) {
        DashboardSettings settings = new DashboardSettings(properties.getPath(), properties.isReadOnly());
        if (!settings.readOnly() && !ClassUtils.isPresent(SPRING_SECURITY, context.getClassLoader())) {
            log.warn("The beanstalkd dashboard at " + settings.path() + " serves its actions (clear tubes, delete "
                    + "jobs, stop listeners) UNPROTECTED: add Spring Security to restrict it, or set "
                    + "beanstalk.dashboard.read-only=true");
        }
        return settings;
    }

    @Bean
    @ConditionalOnMissingBean
    StatsSampler beanstalkDashboardStatsSampler(BeanstalkOperations operations,
            ObjectProvider<BeanstalkListenerEndpointRegistry> registry, BeanstalkDashboardProperties properties) {
        return new StatsSampler(operations, containers(registry), properties.getSampleInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    ListenerFailures beanstalkDashboardListenerFailures() {
        return new ListenerFailures();
    }

    @Bean
    DashboardQueries beanstalkDashboardQueries(BeanstalkOperations operations, StatsSampler sampler,
            ListenerFailures failures, ObjectProvider<BeanstalkListenerEndpointRegistry> registry) {
        return new DashboardQueries(operations, sampler, failures, containers(registry));
    }

    @Bean
    DashboardPageController beanstalkDashboardPageController(DashboardSettings settings) {
        return new DashboardPageController(settings);
    }

    @Bean
    DashboardApiController beanstalkDashboardApiController(DashboardQueries queries) {
        return new DashboardApiController(queries);
    }

    @Bean
    DashboardActionController beanstalkDashboardActionController(BeanstalkOperations operations,
            ObjectProvider<BeanstalkListenerEndpointRegistry> registry, DashboardSettings settings) {
        return new DashboardActionController(operations, registry::getIfAvailable, settings);
    }

    private static Supplier<Collection<BeanstalkListenerContainer>> containers(
            ObjectProvider<BeanstalkListenerEndpointRegistry> registry) {
        return () -> {
            BeanstalkListenerEndpointRegistry endpoints = registry.getIfAvailable();
            return endpoints == null ? List.of() : endpoints.getListenerContainers();
        };
    }
}
