package dev.beanstalk.spring.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.beanstalk.spring.core.JobConversionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The codec against strings PHP 8 itself produced ({@code php-fixtures/serialize.json}), and hostile input. */
class PhpSerializationTests {

    @Test
    void scalarsAreReadAsPhpWroteThem() {
        assertThat(read("null")).isNull();
        assertThat(read("true")).isEqualTo(true);
        assertThat(read("false")).isEqualTo(false);
        assertThat(read("int")).isEqualTo(123L);
        assertThat(read("negative_int")).isEqualTo(Long.MIN_VALUE);
        assertThat(read("max_int")).isEqualTo(Long.MAX_VALUE);
        assertThat(read("float")).isEqualTo(0.1);
        assertThat(read("float_whole")).isEqualTo(2.0);
        assertThat(read("float_exp")).isEqualTo(1.5e-7);
        assertThat(read("float_big")).isEqualTo(1.0e25);
        assertThat(read("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read("negative_inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) read("nan")).isNaN();
        assertThat(read("string")).isEqualTo("hello");
        assertThat(read("empty_string")).isEqualTo("");
        assertThat(read("unicode")).isEqualTo("Zoë 日本 🎉");
        assertThat(read("quotes")).isEqualTo("a\"b;c}d\\e");
        assertThat(read("enum")).isEqualTo(new PhpEnum("Suit", "Hearts"));
    }

    @Test
    void arraysKeepTheirKeysAndOrder() {
        assertThat(read("list")).isEqualTo(map(0L, 1L, 1L, "two", 2L, 3.0));
        assertThat(read("empty_array")).isEqualTo(Map.of());
        assertThat(read("map")).isEqualTo(map("a", 1L, "b", map("c", null)));
        assertThat(List.copyOf(((Map<?, ?>) read("mixed_keys")).keySet())).isEqualTo(List.of(5L, "k", -1L));
    }

    @Test
    void objectsHaveTheirPropertiesByPlainNameWhateverTheirVisibility() {
        assertThat(read("object")).isEqualTo(new PhpObject("stdClass", props("a", 1L, "b", "x")));
        assertThat(read("visibility")).isEqualTo(new PhpObject("Visibility", props("pub", 1L, "prot", "two",
                "priv", 3.5)));
        PhpObject child = (PhpObject) read("child_visibility");
        assertThat(child.className()).isEqualTo("ChildVisibility");
        assertThat(child.properties()).containsExactly(Map.entry("pub", 1L), Map.entry("prot", "two"),
                Map.entry("priv", 3.5), Map.entry("own", true));
        Object nested = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) read("nested")).get("l1")).get("l2"))
                .get("l3")).get(0L);
        assertThat(nested).isEqualTo(read("visibility"));
    }

    @Test
    void referencesPointAtTheValuesTheyName() {
        Map<?, ?> objects = (Map<?, ?>) read("object_reference");
        assertThat(objects.get(1L)).isSameAs(objects.get(0L)).isEqualTo(new PhpObject("stdClass", props("x", 1L)));
        assertThat(read("value_reference")).isEqualTo(map(0L, 42L, 1L, 42L));
        Map<?, ?> numbered = (Map<?, ?>) read("reference_numbering");
        assertThat(numbered.get(2L)).as("r:4 counts the first object's property").isSameAs(numbered.get(1L))
                .isEqualTo(new PhpObject("stdClass", Map.of()));
    }

    @Test
    void writingGivesExactlyWhatPhpWrote() {
        for (String name : List.of("null", "true", "false", "int", "negative_int", "max_int", "float", "float_whole",
                "float_exp", "float_big", "inf", "negative_inf", "nan", "string", "empty_string", "unicode", "quotes",
                "list", "empty_array", "map", "mixed_keys", "object", "enum")) {
            byte[] php = PhpFixtures.serialized(name);
            assertThat(new String(PhpSerialization.serialize(PhpSerialization.unserialize(php)),
                    StandardCharsets.UTF_8)).as(name).isEqualTo(new String(php, StandardCharsets.UTF_8));
        }
    }

    @Test
    void writingTakesJavaCollectionsNumbersAndArrays() {
        assertThat(write(List.of(1, "a", 2.5f))).isEqualTo("a:3:{i:0;i:1;i:1;s:1:\"a\";i:2;d:2.5;}");
        assertThat(write(new int[] {7})).isEqualTo("a:1:{i:0;i:7;}");
        assertThat(write(map("5", "numeric key", "05", "string key"))).isEqualTo(
                "a:2:{i:5;s:11:\"numeric key\";s:2:\"05\";s:10:\"string key\";}");
        assertThat(write(new PhpObject("App\\Jobs\\Mail", props("id", 1L, "to", null))))
                .isEqualTo("O:13:\"App\\Jobs\\Mail\":2:{s:2:\"id\";i:1;s:2:\"to\";N;}");
        assertThat(write(-0.0)).isEqualTo("d:-0;");
    }

    @Test
    void writingRefusesCyclesAndForeignTypes() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> PhpSerialization.serialize(cycle))
                .withMessageContaining("contains itself");
        assertThatExceptionOfType(JobConversionException.class)
                .isThrownBy(() -> PhpSerialization.serialize(new Object())).withMessageContaining("java.lang.Object");
        assertThatExceptionOfType(JobConversionException.class)
                .isThrownBy(() -> PhpSerialization.serialize(map(1.5, "x"))).withMessageContaining("array key");
    }

    @Test
    void everyTruncationOfEveryPhpStringIsAClearError() {
        PhpFixtures.serialized().forEach((name, php) -> {
            for (int length = 0; length < php.length; length++) {
                byte[] truncated = Arrays.copyOf(php, length);
                assertThatExceptionOfType(JobConversionException.class).as(name + " cut at " + length)
                        .isThrownBy(() -> PhpSerialization.unserialize(truncated))
                        .withMessageStartingWith("Invalid PHP serialize() data at offset");
            }
        });
    }

    @Test
    @Timeout(30)
    void randomlyMutatedPhpStringsAreReadOrRefusedNeverAnythingElse() {
        Random random = new Random(12);
        byte[] alphabet = "aOsirRNbdEC:;{}\"0123456789-\0\\".getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> all = new ArrayList<>(PhpFixtures.serialized().values());
        for (int round = 0; round < 20_000; round++) {
            byte[] mutated = all.get(random.nextInt(all.size())).clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            try {
                PhpSerialization.unserialize(mutated);
            } catch (JobConversionException expected) {
                assertThat(expected).hasMessageStartingWith("Invalid PHP serialize() data at offset");
            }
        }
    }

    @Test
    @Timeout(10)
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        byte[] deep = ("a:1:{i:0;".repeat(100_000) + "N;" + "}".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> PhpSerialization.unserialize(deep))
                .withMessageContaining("nesting deeper than 64");
        byte[] allowed = ("a:1:{i:0;".repeat(64) + "N;" + "}".repeat(64)).getBytes(StandardCharsets.UTF_8);
        assertThat(PhpSerialization.unserialize(allowed)).isInstanceOf(Map.class);
        assertThatExceptionOfType(JobConversionException.class)
                .isThrownBy(() -> PhpSerialization.unserialize(allowed, 10)).withMessageContaining("deeper than 10");
    }

    @Test
    void hugeLengthsAndCountsAreRefusedBeforeAnythingIsAllocated() {
        assertRefused("s:2147483647:\"abc\";", "a length of 2147483647 is more than the");
        assertRefused("s:99999999999:\"abc\";", "'99999999999' is not a length");
        assertRefused("a:100000000:{i:0;N;}", "a count of 100000000 elements cannot fit");
        assertRefused("O:8:\"stdClass\":900000:{}", "cannot fit");
        assertRefused("O:1000:\"x\":0:{}", "a length of 1000");
        assertRefused("i:" + "9".repeat(500) + ";", "within 400 bytes");
        assertRefused("i:99999999999999999999;", "does not fit 64 bits");
    }

    @Test
    void malformedDataNamesTheOffsetAndTheRule() {
        assertRefused("", "no data");
        assertRefused("N;N;", "offset 2: 2 bytes follow the serialized value");
        assertRefused("x:1;", "offset 0: unknown type 'x'");
        assertRefused("b:2;", "a boolean is b:0; or b:1;");
        assertRefused("i:1x;", "'1x' is not an integer");
        assertRefused("d:1.2.3;", "'1.2.3' is not a float");
        assertRefused("s:3:\"abcd\";", "expected '\"' but found 'd'");
        assertRefused("a:1:{d:1;N;}", "an array key must be an integer or a string");
        assertRefused("a:2:{i:0;N;i:0;N;}", "array key 0 appears twice");
        assertRefused("O:3:\"1ab\":0:{}", "'1ab' is not a PHP class name");
        assertRefused("O:1:\"A\":1:{s:3:\"\0ab\";N;}", "mangled wrongly");
        assertRefused("O:1:\"A\":1:{i:0;N;}", "a property name of A must be a string");
        assertRefused("C:1:\"A\":0:{}", "custom-serialized object (C:");
        assertRefused("E:4:\"Suit\";", "not an enum case Class:Case");
        assertRefused("s:2:\"\u00ff\u00fe\";".getBytes(StandardCharsets.ISO_8859_1), "is not UTF-8");
    }

    @Test
    void referencesToNothingOrToAContainerBeingReadAreRefused() {
        assertRefused("a:1:{i:0;R:5;}", "reference 5 points to none of the 1 values");
        assertRefused("a:1:{i:0;R:0;}", "reference 0 points to none");
        assertRefused("a:1:{i:0;R:1;}", "points to a value that contains it (a cycle)");
        assertRefused("O:8:\"stdClass\":1:{s:4:\"self\";r:1;}", "(a cycle)");
    }

    @Test
    @Timeout(10)
    void referencesCannotExpandASmallInputIntoAHugeTree() {
        StringBuilder laughs = new StringBuilder("a:41:{i:0;a:1:{i:0;N;}");
        for (int i = 1; i <= 40; i++) {
            int previous = i == 1 ? 2 : 3 * i - 2;
            laughs.append("i:").append(i).append(";a:2:{i:0;r:").append(previous).append(";i:1;r:").append(previous)
                    .append(";}");
        }
        laughs.append("}");

        assertRefused(laughs.toString(), "expands to more than 10000 values (references repeat values)");
        Map<?, ?> fine = (Map<?, ?>) PhpSerialization.unserialize(
                "a:3:{i:0;a:1:{i:0;N;}i:1;a:2:{i:0;r:2;i:1;r:2;}i:2;r:5;}".getBytes(StandardCharsets.UTF_8));
        assertThat(fine.get(2L)).isSameAs(((Map<?, ?>) fine.get(1L)).get(1L));
    }

    private static void assertRefused(String data, String rule) {
        assertRefused(data.getBytes(StandardCharsets.UTF_8), rule);
    }

    private static void assertRefused(byte[] data, String rule) {
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> PhpSerialization.unserialize(data))
                .withMessageStartingWith("Invalid PHP serialize() data at offset").withMessageContaining(rule);
    }

    private static Object read(String fixture) {
        return PhpSerialization.unserialize(PhpFixtures.serialized(fixture));
    }

    private static String write(Object value) {
        return new String(PhpSerialization.serialize(value), StandardCharsets.UTF_8);
    }

    static Map<String, Object> props(Object... namesAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        map(namesAndValues).forEach((name, value) -> properties.put((String) name, value));
        return properties;
    }

    static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
