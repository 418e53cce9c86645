/** Internal: the fleet of servers behind one client, its strategies and summed statistics; not an API. */
@NullMarked
package dev.beanstalk.client.internal.fleet;

import org.jspecify.annotations.NullMarked;
