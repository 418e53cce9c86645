package dev.beanstalk.spring.autoconfigure.embedded;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code beanstalk.embedded.enabled} is true, or when it is not set and neither {@code beanstalk.host}
 * nor {@code beanstalk.servers} is set in any property source.
 */
final class OnEmbeddedBeanstalkdCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("Embedded beanstalkd");
        Binder binder = Binder.get(context.getEnvironment());
        Boolean enabled = binder.bind("beanstalk.embedded.enabled", Boolean.class).orElse(null);
        if (enabled != null) {
            return new ConditionOutcome(enabled, message.because("beanstalk.embedded.enabled is " + enabled));
        }
        if (binder.bind("beanstalk.host", String.class).isBound()) {
            return ConditionOutcome.noMatch(message.because("beanstalk.host is set"));
        }
        if (!binder.bind("beanstalk.servers", Bindable.listOf(String.class)).orElse(List.of()).isEmpty()) {
            return ConditionOutcome.noMatch(message.because("beanstalk.servers is set"));
        }
        return ConditionOutcome.match(message.because("neither beanstalk.host nor beanstalk.servers is set"));
    }
}
