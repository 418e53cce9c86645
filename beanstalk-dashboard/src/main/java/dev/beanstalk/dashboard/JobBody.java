package dev.beanstalk.dashboard;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job body for display: JSON pretty-printed, other UTF-8 text as is, anything else as a hex dump; at most
 * {@value #MAX_SHOWN} bytes are shown. The page puts it in the document as text, never as markup.
 */
public record JobBody(String format, int size, boolean truncated, String text) {

    static final int MAX_SHOWN = 64 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static JobBody of(byte[] body) {
        int shown = Math.min(body.length, MAX_SHOWN);
        boolean truncated = shown < body.length;
        String text = utf8(body, shown);
        if (text == null) {
            return new JobBody("binary", body.length, truncated, hex(body, Math.min(shown, 4096)));
        }
        if (!truncated) {
            String json = prettyJson(text);
            if (json != null) {
                return new JobBody("json", body.length, false, json);
            }
        }
        return new JobBody("text", body.length, truncated, text);
    }

    private static @Nullable String utf8(byte[] body, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static @Nullable String prettyJson(String text) {
        String trimmed = text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return null;
        }
        try {
            JsonNode tree = MAPPER.readTree(trimmed);
            return MAPPER.writeValueAsString(tree);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String hex(byte[] body, int length) {
        HexFormat format = HexFormat.of();
        StringBuilder dump = new StringBuilder();
        for (int offset = 0; offset < length; offset += 16) {
            int end = Math.min(length, offset + 16);
            dump.append(String.format("%08x  ", offset)).append(format.formatHex(body, offset, end));
            dump.append("  ");
            for (int i = offset; i < end; i++) {
                int b = body[i] & 0xff;
                dump.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            dump.append('\n');
        }
        return dump.toString();
    }
}
