/** Internal: commands, replies, limits and the stats YAML; not an API. */
@NullMarked
package dev.beanstalk.client.internal.protocol;

import org.jspecify.annotations.NullMarked;
