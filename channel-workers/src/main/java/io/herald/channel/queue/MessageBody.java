package io.herald.channel.queue;

import io.herald.kit.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published message body: exactly one JSON object in UTF-8, kept as received so that fetch
 * returns it byte for byte. Thread-safe.
 */
@Component
final class MessageBody {

    private final JsonMapper mapper;

    MessageBody(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @return the body as a string, unchanged
     * @throws ProblemException 400 when the body is missing, not UTF-8, not JSON or not one object
     */
    String requireJsonObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("is missing: send a JSON object");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("is not UTF-8");
        }
        String problem = objectProblem(text);
        if (problem != null) {
            throw invalid(problem);
        }
        return text;
    }

    /** Whether {@code text} is exactly one JSON object. */
    boolean isJsonObject(String text) {
        return objectProblem(text) == null;
    }

    /** What keeps {@code text} from being exactly one JSON object, or null when it is one. */
    private String objectProblem(String text) {
        // parsed as a stream of tokens, not into a tree: only the shape is checked
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "must be a JSON object";
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return "must be exactly one JSON object, with nothing after it";
            }
            return null;
        } catch (JacksonException e) {
            return "is not valid JSON: " + e.getOriginalMessage();
        }
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalidField("body", message);
    }
}
