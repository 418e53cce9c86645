package dev.beanstalk.sample.users;

import java.util.Objects;

/**
 * A user who just registered: the body of the jobs on tubes {@code userReg} and {@code reminders}, as plain JSON
 * such as {@code {"id":1,"name":"test"}}, exactly what PHP's {@code json_encode(['id' => 1, 'name' => 'test'])} writes.
 */
public record UserRegistration(long id, String name) {

    public UserRegistration {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }
}
