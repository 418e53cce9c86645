/** Application events of listener containers: started, stopped, idle, connection lost and back, jobs buried or dead-lettered. */
@NullMarked
package dev.beanstalk.spring.event;

import org.jspecify.annotations.NullMarked;
