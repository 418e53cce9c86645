/** Internal: the bounded reply reader and the command encoder; not an API. */
@NullMarked
package dev.beanstalk.client.internal.codec;

import org.jspecify.annotations.NullMarked;
