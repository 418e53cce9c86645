/** Internal: the pipelined connection, the pool, the connector and read timeouts; not an API. */
@NullMarked
package dev.beanstalk.client.internal.connection;

import org.jspecify.annotations.NullMarked;
