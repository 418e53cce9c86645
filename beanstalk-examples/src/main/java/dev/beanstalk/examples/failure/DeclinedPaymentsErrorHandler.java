package dev.beanstalk.examples.failure;

import dev.beanstalk.spring.listener.DefaultJobErrorHandler;
import dev.beanstalk.spring.listener.FailedJob;
import dev.beanstalk.spring.listener.FailureDecision;
import dev.beanstalk.spring.listener.JobErrorHandler;
import org.springframework.stereotype.Component;

// tag::error-handler[]
@Component
class DeclinedPaymentsErrorHandler implements JobErrorHandler {
    private final JobErrorHandler defaults = new DefaultJobErrorHandler();

    @Override
    public FailureDecision handle(FailedJob failed) {
        if (failed.exception() instanceof PaymentDeclinedException) {
            return FailureDecision.delete();              // the customer was told: no retry, no dead letter
        }
        return defaults.handle(failed);                   // retries, then dead-letter tube or bury
    }
}
// end::error-handler[]
