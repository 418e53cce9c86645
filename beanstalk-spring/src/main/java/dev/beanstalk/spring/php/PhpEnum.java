package dev.beanstalk.spring.php;

/** A case of a PHP 8.1 enum, {@code E:} in PHP's {@code serialize()} format; read into a Java enum by its name. */
public record PhpEnum(String className, String caseName) {

    public PhpEnum {
        PhpSerialization.requireClassName(className);
        if (caseName == null || !caseName.matches("[A-Za-z_\\x80-\\uffff][A-Za-z0-9_\\x80-\\uffff]*")) {
            throw new IllegalArgumentException("'" + caseName + "' is not a PHP enum case name");
        }
    }
}
