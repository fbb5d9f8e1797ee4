package io.herald.campaign.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What campaign-service reads of {@code user_audience_resolved}: which campaign, which batch, whether
 * it is the last, and how many recipients it holds.
 *
 * @param size the number of recipients; counted while skipping over them, since a batch carries up
 *     to 1,000 recipients' contact data that the projection never reads
 */
record AudienceBatch(String campaignId, int batch, boolean lastBatch,
                            @JsonProperty("recipients") @JsonDeserialize(using = ElementCount.class) int size) {

    /** The number of elements of a JSON array (0 for {@code null}), without building them. */
    static final class ElementCount extends ValueDeserializer<Integer> {

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.isExpectedStartArrayToken()) {
                return (Integer) context.handleUnexpectedToken(Integer.class, parser);
            }
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
                count++;
            }
            return count;
        }

        @Override
        public Integer getNullValue(DeserializationContext context) {
            return 0;
        }
    }
}
