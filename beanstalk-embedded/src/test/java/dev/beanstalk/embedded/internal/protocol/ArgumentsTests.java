package dev.beanstalk.embedded.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArgumentsTests {

    private static Arguments args(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new Arguments().reset(bytes, 0, bytes.length);
    }

    @Test
    void readsUnsignedWithSpacesButNoSign() {
        assertThat(args(" 0001").readU64(true)).isTrue();
        assertThat(args("  42").readU32(true)).isTrue();
        assertThat(args("-1").readU64(true)).isFalse();
        assertThat(args("+1").readU64(true)).isFalse();
        assertThat(args("1.5").readU64(true)).isFalse();
        assertThat(args("").readU64(true)).isFalse();
        assertThat(args("1 ").readU64(true)).isFalse();
    }

    @Test
    void checksWidths() {
        Arguments max = args("18446744073709551615");
        assertThat(max.readU64(true)).isTrue();
        assertThat(max.value()).isEqualTo(-1L);
        assertThat(args("18446744073709551616").readU64(true)).isFalse();
        assertThat(args("4294967295").readU32(true)).isTrue();
        assertThat(args("4294967296").readU32(true)).isFalse();
    }

    @Test
    void readsSeveralNumbersInARow() {
        Arguments a = args(" 00  00  01  01");
        assertThat(a.readU32(false)).isTrue();
        assertThat(a.readU32(false)).isTrue();
        assertThat(a.readU32(false)).isTrue();
        assertThat(a.readU32(false)).isTrue();
        assertThat(a.value()).isEqualTo(1);
        assertThat(a.atEnd()).isTrue();
    }

    @Test
    void kickBoundFollowsStrtoulTruncatedTo32Bits() {
        Arguments a = args("-1");
        assertThat(a.readKickBound()).isTrue();
        assertThat(a.value()).isEqualTo(4294967295L);
        Arguments wrap = args("4294967296");
        assertThat(wrap.readKickBound()).isTrue();
        assertThat(wrap.value()).isZero();
        Arguments garbage = args("1abc");
        assertThat(garbage.readKickBound()).isTrue();
        assertThat(garbage.value()).isEqualTo(1);
        assertThat(args("abc").readKickBound()).isFalse();
        assertThat(args("99999999999999999999").readKickBound()).isFalse();
    }

    @Test
    void reserveTimeoutFollowsStrtolIntoAnInt() {
        Arguments none = args("abc");
        assertThat(none.readReserveTimeout()).isTrue();
        assertThat(none.value()).isZero();
        Arguments negative = args("-1");
        assertThat(negative.readReserveTimeout()).isTrue();
        assertThat(negative.value()).isEqualTo(-1);
        Arguments wrapped = args("4294967297");
        assertThat(wrapped.readReserveTimeout()).isTrue();
        assertThat(wrapped.value()).isEqualTo(1);
        Arguments min = args("-9223372036854775808");
        assertThat(min.readReserveTimeout()).isTrue();
        assertThat(args("9223372036854775808").readReserveTimeout()).isFalse();
    }

    @Test
    void tubeNamesFollowTheCharsetAndLength() {
        byte[] ok = "a+b/c;d.e$f_g(h)0".getBytes(StandardCharsets.US_ASCII);
        assertThat(TubeNames.isValid(ok, 0, ok.length)).isTrue();
        byte[] dash = "-foo".getBytes(StandardCharsets.US_ASCII);
        assertThat(TubeNames.isValid(dash, 0, dash.length)).isFalse();
        byte[] bang = "foo!".getBytes(StandardCharsets.US_ASCII);
        assertThat(TubeNames.isValid(bang, 0, bang.length)).isFalse();
        byte[] long201 = "x".repeat(201).getBytes(StandardCharsets.US_ASCII);
        assertThat(TubeNames.isValid(long201, 0, 200)).isTrue();
        assertThat(TubeNames.isValid(long201, 0, 201)).isFalse();
    }

    @Test
    void recognizesCommandsByPrefixInBeanstalkdsOrder() {
        assertThat(recognize("stats-job")).isEqualTo(Op.STATS);
        assertThat(recognize("stats-job 1")).isEqualTo(Op.STATS_JOB);
        assertThat(recognize("reserve-with-timeout")).isEqualTo(Op.RESERVE);
        assertThat(recognize("quitx")).isEqualTo(Op.QUIT);
        assertThat(recognize("pause-tubedefault 1")).isEqualTo(Op.PAUSE_TUBE);
        assertThat(recognize("delete")).isEqualTo(Op.UNKNOWN);
        assertThat(recognize(" stats")).isEqualTo(Op.UNKNOWN);
        assertThat(recognize("list-tubes-watched")).isEqualTo(Op.LIST_TUBES_WATCHED);
    }

    private static Op recognize(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        return Op.recognize(bytes, 0, bytes.length);
    }
}
