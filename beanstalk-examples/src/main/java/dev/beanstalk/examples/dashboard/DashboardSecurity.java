package dev.beanstalk.examples.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The application's own security rules, which the dashboard follows: only operators see or act on it. */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurity {

    @Bean
    SecurityFilterChain security(HttpSecurity http) {
        // tag::rule[]
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/beanstalk/**").hasRole("OPS").anyRequest().permitAll());
        // end::rule[]
        return http.httpBasic(Customizer.withDefaults()).build();
    }
}
