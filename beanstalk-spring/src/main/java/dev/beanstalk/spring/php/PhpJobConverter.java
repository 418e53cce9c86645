package dev.beanstalk.spring.php;

import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.spring.core.RetryHints;
import dev.beanstalk.spring.core.RoutingJobConverter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the converters of PHP frameworks' envelopes share: a job names a PHP class, read as the Java type whose
 * {@link PhpClass} names it (or as a {@link PhpObject}); {@code String} and {@code byte[]} payloads are the raw body.
 */
public abstract sealed class PhpJobConverter implements RoutingJobConverter
        permits LaravelJobConverter, SymfonyMessengerJobConverter {

    /** A decoded job: the PHP object it carries and its retry hints. */
    record Message(PhpObject object, RetryHints hints) {
    }

    final JsonMapper mapper;

    /** What {@code String} and {@code byte[]} payloads go through, as they are. */
    private final JsonJobConverter raw;

    PhpJobConverter(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.raw = new JsonJobConverter(mapper);
    }

    /** The PHP class {@code type} stands for, from its {@link PhpClass}, or null. */
    public static String phpClassOf(Class<?> type) {
        PhpClass phpClass = type.getAnnotation(PhpClass.class);
        return phpClass == null ? null : PhpSerialization.requireClassName(phpClass.value());
    }

    abstract Message decode(byte[] body);

    abstract byte[] encode(PhpObject object);

    /** This format's name in messages, such as {@code Laravel}. */
    abstract String format();

    @Override
    public byte[] toBody(Object payload) {
        if (payload instanceof byte[] || payload instanceof String) {
            return raw.toBody(payload);
        }
        if (Objects.requireNonNull(payload, "payload") instanceof PhpObject object) {
            return encode(object);
        }
        String className = phpClassOf(payload.getClass());
        if (className == null) {
            throw new JobConversionException("Cannot write a " + payload.getClass().getName() + " as a " + format()
                    + " job: annotate it with @PhpClass naming the PHP class, or pass a PhpObject");
        }
        JsonNode properties;
        try {
            properties = mapper.valueToTree(payload);
        } catch (JacksonException e) {
            throw new JobConversionException("Could not write the properties of " + payload.getClass().getName()
                    + ": " + e.getOriginalMessage(), e);
        }
        return encode(new PhpObject(className, PhpTrees.properties(properties)));
    }

    @Override
    public Object fromBody(byte[] body, Type type) {
        if (type == byte[].class || type == String.class) {
            return raw.fromBody(body, type);
        }
        Class<?> target = rawClass(type);
        PhpObject object = decode(body).object();
        if (target == PhpObject.class) {
            return object;
        }
        String expected = phpClassOf(target);
        if (expected == null) {
            throw new JobConversionException("Cannot read a " + format() + " job as " + type.getTypeName()
                    + ": annotate it with @PhpClass naming the PHP class it reads, or take a PhpObject");
        }
        if (!expected.equals(object.className())) {
            throw new JobConversionException("The " + format() + " job is a PHP " + object.className()
                    + ", not the " + expected + " that " + type.getTypeName() + " reads");
        }
        return bind(object, type);
    }

    @Override
    public Object fromBodyAsOneOf(byte[] body, List<Class<?>> candidates) {
        PhpObject object = decode(body).object();
        for (Class<?> candidate : candidates) {
            if (object.className().equals(phpClassOf(candidate))) {
                return bind(object, candidate);
            }
        }
        if (candidates.contains(PhpObject.class)) {
            return object;
        }
        throw new JobConversionException("No handler takes the " + format() + " job of PHP class "
                + object.className() + "; the handlers take " + candidates.stream()
                        .map(candidate -> candidate.getName() + " (" + phpClassOf(candidate) + ")")
                        .collect(Collectors.joining(", ")));
    }

    @Override
    public RetryHints retryHints(byte[] body) {
        try {
            return decode(body).hints();
        } catch (JobConversionException e) {
            return RetryHints.NONE;
        }
    }

    /** The JSON tree of {@code body}, which must be a JSON object. */
    JsonNode readJson(byte[] body, String what) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new JobConversionException("A " + body.length + "-byte body is not " + what + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new JobConversionException("A " + body.length + "-byte body is not " + what
                    + ": not a JSON object");
        }
        return root;
    }

    /** The text of {@code field} of {@code node}, which must be a string. */
    static String text(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new JobConversionException("Not " + what + ": no string '" + field + "' in " + abbreviate(node));
        }
        return value.stringValue();
    }

    static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private Object bind(PhpObject object, Type type) {
        try {
            return mapper.readerFor(mapper.constructType(type))
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(PhpTrees.toTree(object));
        } catch (JacksonException e) {
            throw new JobConversionException("Could not read the PHP " + object.className() + " as "
                    + type.getTypeName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> plain) {
            return plain;
        }
        throw new JobConversionException("Cannot read a PHP job as " + type.getTypeName());
    }
}
