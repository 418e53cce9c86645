package dev.beanstalk.spring.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.listener.JobHandle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;

class BeanstalkListenerBeanRegistrationAotProcessorTests {

    private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

    @Test
    void registersListenerMethodsForInvocationAndPayloadsForBinding() {
        RuntimeHints hints = process(Handlers.class);

        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Handlers.class, "welcome")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Handlers.class, "raw")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Welcome.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Address.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(JobHandle.class)).rejects(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Handlers.class, "notAListener"))
                .rejects(hints);
    }

    @Test
    void contributesNothingForBeansWithoutListeners() {
        beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(String.class));

        assertThat(new BeanstalkListenerBeanRegistrationAotProcessor()
                .processAheadOfTime(RegisteredBean.of(beanFactory, "plain"))).isNull();
    }

    @Test
    void isRegisteredInAotFactories() {
        assertThat(AotServices.factories().load(BeanRegistrationAotProcessor.class))
                .hasAtLeastOneElementOfType(BeanstalkListenerBeanRegistrationAotProcessor.class);
    }

    private RuntimeHints process(Class<?> type) {
        beanFactory.registerBeanDefinition("bean", new RootBeanDefinition(type));
        BeanRegistrationAotContribution contribution = new BeanstalkListenerBeanRegistrationAotProcessor()
                .processAheadOfTime(RegisteredBean.of(beanFactory, "bean"));
        assertThat(contribution).isNotNull();
        DefaultGenerationContext context = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get("com.example", "Example")), new InMemoryGeneratedFiles());
        contribution.applyTo(context, null);
        return context.getRuntimeHints();
    }

    record Address(String city) {
    }

    record Welcome(long id, List<Address> addresses) {
    }

    static final class Handlers {

        @BeanstalkListener(tube = "welcome")
        void welcome(Welcome welcome, JobHandle handle) {
        }

        @BeanstalkListener(tube = "raw")
        void raw(Job job) {
        }

        void notAListener(String text) {
        }
    }
}
