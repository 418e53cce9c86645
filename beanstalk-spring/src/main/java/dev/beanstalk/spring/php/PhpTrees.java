package dev.beanstalk.spring.php;

import dev.beanstalk.spring.core.JobConversionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns PHP values into Jackson trees and back, so that Jackson binds them to the declared Java types: objects and
 * arrays with string keys become JSON objects, arrays keyed 0, 1, 2... become JSON arrays, enum cases their names.
 */
final class PhpTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PhpTrees() {
    }

    static JsonNode toTree(Object php) {
        if (php == null) {
            return NODES.nullNode();
        }
        if (php instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (php instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (php instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (php instanceof String text) {
            return NODES.stringNode(text);
        }
        if (php instanceof PhpEnum phpEnum) {
            return NODES.stringNode(phpEnum.caseName());
        }
        if (php instanceof PhpObject object) {
            return objectNode(object.properties());
        }
        if (php instanceof List<?> elements) {
            ArrayNode list = NODES.arrayNode(elements.size());
            elements.forEach(element -> list.add(toTree(element)));
            return list;
        }
        Map<?, ?> array = (Map<?, ?>) php;
        if (isList(array)) {
            ArrayNode list = NODES.arrayNode(array.size());
            array.values().forEach(element -> list.add(toTree(element)));
            return list;
        }
        return objectNode(array);
    }

    private static ObjectNode objectNode(Map<?, ?> properties) {
        ObjectNode node = NODES.objectNode();
        properties.forEach((key, value) -> node.set(String.valueOf(key), toTree(value)));
        return node;
    }

    /** Whether a PHP array is a list: keyed 0, 1, 2... in order (an empty array is one). */
    private static boolean isList(Map<?, ?> array) {
        long expected = 0;
        for (Object key : array.keySet()) {
            if (!(key instanceof Long index) || index != expected++) {
                return false;
            }
        }
        return true;
    }

    /** The PHP value of a JSON tree: objects become string-keyed maps, arrays lists, numbers Long or Double. */
    static Object toPhp(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new JobConversionException("Integer " + node + " does not fit PHP's 64-bit int");
            }
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isString() || node.isBinary()) {
            return node.asString();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(element -> list.add(toPhp(element)));
            return list;
        }
        return properties(node);
    }

    /** The properties of a JSON object, or of an empty JSON array (what PHP's json_encode writes for []). */
    static Map<String, Object> properties(JsonNode node) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (node.isArray() && node.isEmpty()) {
            return properties;
        }
        if (!node.isObject()) {
            throw new JobConversionException("Expected an object of properties, not " + node.getNodeType());
        }
        node.properties().forEach(property -> properties.put(property.getKey(), toPhp(property.getValue())));
        return properties;
    }
}
