package dev.beanstalk.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the Pheanstalk 4 scripts of {@code src/test/resources/php} with Debian's php-cli. */
final class Php {

    static final String INSTALL_HINT = "apt-get install -y php-cli php-pda-pheanstalk";

    private static final Path AUTOLOAD = Path.of("/usr/share/php/Pheanstalk/autoload.php");

    static final String FRAMEWORKS_INSTALL_HINT = "apt-get install -y php-laravel-framework"
            + " php-symfony-beanstalkd-messenger php-symfony-serializer php-symfony-property-access";

    private static final List<Path> FRAMEWORKS = List.of(Path.of("/usr/share/php/Illuminate/autoload.php"),
            Path.of("/usr/share/php/Symfony/Component/Messenger/Bridge/Beanstalkd/autoload.php"),
            Path.of("/usr/share/php/Symfony/Component/Serializer/autoload.php"),
            Path.of("/usr/share/php/Symfony/Component/PropertyAccess/autoload.php"));

    private final Path scripts;

    private Php(Path scripts) {
        this.scripts = scripts;
    }

    /** The scripts' runner; fails naming the install command when php or Pheanstalk is missing. */
    static Php require() {
        if (!Files.isRegularFile(AUTOLOAD)) {
            throw new AssertionError("Pheanstalk is not installed (no " + AUTOLOAD + "); install it with: "
                    + INSTALL_HINT);
        }
        try {
            Process version = new ProcessBuilder("php", "-v").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            if (version.waitFor() != 0) {
                throw new AssertionError("php -v failed; install php with: " + INSTALL_HINT);
            }
        } catch (IOException e) {
            throw new AssertionError("php is not on the PATH; install it with: " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Php(Path.of(System.getProperty("sample.php", "src/test/resources/php")));
    }

    /** The runner of the Laravel and Symfony Messenger scripts; fails naming the install command if one is missing. */
    static Php requireFrameworks() {
        for (Path autoload : FRAMEWORKS) {
            if (!Files.isRegularFile(autoload)) {
                throw new AssertionError("A PHP framework is not installed (no " + autoload + "); install them with: "
                        + FRAMEWORKS_INSTALL_HINT);
            }
        }
        return require();
    }

    /** Runs {@code script} with these arguments and returns what it printed, failing unless it exits with 0. */
    String run(String script, Object... arguments) {
        List<String> command = new ArrayList<>(List.of("php", scripts.resolve(script).toString()));
        for (Object argument : arguments) {
            command.add(String.valueOf(argument));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 20 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs {@code script} and reads the JSON it printed. */
    JsonNode runJson(String script, Object... arguments) {
        return JsonMapper.shared().readTree(run(script, arguments));
    }
}
