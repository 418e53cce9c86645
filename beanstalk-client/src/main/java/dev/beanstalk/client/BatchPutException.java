package dev.beanstalk.client;

import java.io.Serial;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code putAll} that failed part-way: {@link #insertedIds()} maps the index of every body the server inserted to
 * its job id, and {@link #failures()} the index of every other body to why it failed, so a retry can send only those.
 *
 * <p>A body whose put failed on a broken connection may still have reached the server; its failure is then a
 * {@link BeanstalkConnectionException}.
 */
public final class BatchPutException extends BeanstalkException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SortedMap<Integer, Long> insertedIds;
    private final transient SortedMap<Integer, BeanstalkException> failures;

    public BatchPutException(Map<Integer, Long> insertedIds, Map<Integer, BeanstalkException> failures) {
        super(failures.size() + " of " + (insertedIds.size() + failures.size()) + " puts failed ("
                + insertedIds.size() + " inserted); first failure: "
                + (failures.isEmpty() ? "none" : failures.values().iterator().next().getMessage()),
                failures.isEmpty() ? null : new TreeMap<>(failures).values().iterator().next());
        this.insertedIds = Collections.unmodifiableSortedMap(new TreeMap<>(insertedIds));
        this.failures = Collections.unmodifiableSortedMap(new TreeMap<>(failures));
    }

    /** The index in the batch of every body inserted, to its job id, in index order. */
    public SortedMap<Integer, Long> insertedIds() {
        return insertedIds;
    }

    /** The index in the batch of every body not known to be inserted, to its failure, in index order. */
    public SortedMap<Integer, BeanstalkException> failures() {
        return failures;
    }
}
