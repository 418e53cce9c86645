package dev.beanstalk.spring.core;

import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work after the current transaction commits; a failure of that work goes to {@code onFailure} and not to the
 * committing caller, since the commit can no longer be undone. Loaded only when spring-tx is present.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    static boolean isActive() {
        return TransactionSynchronizationManager.isSynchronizationActive();
    }

    static void register(Runnable onCommit, Consumer<Throwable> onFailure, Runnable onRollback) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    onCommit.run();
                } catch (RuntimeException e) {
                    onFailure.accept(e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    onRollback.run();
                }
            }
        });
    }
}
