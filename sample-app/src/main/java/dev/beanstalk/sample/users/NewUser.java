package dev.beanstalk.sample.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.beanstalk.sample.php.PhpWelcomeMails;

/**
 * The body of {@code POST /users}: a registration, and optionally {@code "notify": "laravel"} or {@code "symfony"}
 * to have that PHP app's worker send the welcome mail too.
 */
public record NewUser(long id, String name, @JsonProperty("notify") String notifyApp) {

    public NewUser {
        new UserRegistration(id, name);
        if (notifyApp != null) {
            PhpWelcomeMails.requireFramework(notifyApp);
        }
    }

    public UserRegistration registration() {
        return new UserRegistration(id, name);
    }
}
