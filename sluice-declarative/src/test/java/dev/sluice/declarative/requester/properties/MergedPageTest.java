package dev.sluice.declarative.requester.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import org.junit.jupiter.api.Test;

class MergedPageTest {

    private static final PropertyChunking BY_ID = new PropertyChunking(PropertyLimitType.PROPERTY_COUNT, 2, GroupByKey.ID);

    @Test
    void mergesMappingsRecursivelyAndLetsLaterChunksReplaceOtherValues() throws Exception {
        MergedPage page = new MergedPage(BY_ID, 2);
        ObjectNode first = record("{\"id\": \"a\", \"n\": 1, \"tags\": [1, 2], \"m\": {\"x\": 1, \"deep\": {\"p\": 1}}}");
        ObjectNode second = record("{\"id\": \"a\", \"n\": 2, \"tags\": [3], \"m\": {\"y\": 2, \"deep\": {\"q\": 2}}}");
        String firstBefore = Json.write(first);
        String secondBefore = Json.write(second);

        page.offer(0, first);
        page.offer(1, second);

        assertThat(page.records()).containsExactly(record(
                "{\"id\": \"a\", \"n\": 2, \"tags\": [3], \"m\": {\"x\": 1, \"deep\": {\"p\": 1, \"q\": 2}, \"y\": 2}}"));
        assertThat(Json.write(first)).as("inputs are not changed").isEqualTo(firstBefore);
        assertThat(Json.write(second)).isEqualTo(secondBefore);
    }

    @Test
    void aMappingReplacesAScalarAndTheOtherWayRound() throws Exception {
        MergedPage page = new MergedPage(BY_ID, 2);

        page.offer(0, record("{\"id\": \"a\", \"s\": 1, \"o\": {\"x\": 1}}"));
        page.offer(1, record("{\"id\": \"a\", \"s\": {\"x\": 1}, \"o\": null}"));

        assertThat(page.records()).containsExactly(record("{\"id\": \"a\", \"s\": {\"x\": 1}, \"o\": null}"));
    }

    @Test
    void keepsFirstSeenOrderAndRefusesRecordsWithoutAKey() throws Exception {
        MergedPage page = new MergedPage(BY_ID, 2);

        assertThat(page.offer(0, record("{\"id\": \"b\"}"))).isTrue();
        assertThat(page.offer(0, record("{\"id\": \"a\"}"))).isTrue();
        assertThat(page.offer(0, record("{\"name\": \"no id\"}"))).isFalse();
        assertThat(page.offer(1, record("{\"id\": \"a\", \"v\": 1}"))).isTrue();

        assertThat(page.records()).extracting(node -> node.get("id").asText()).containsExactly("b", "a");
    }

    @Test
    void countsRecordsThatMissedAChunk() throws Exception {
        MergedPage page = new MergedPage(BY_ID, 3);

        page.offer(0, record("{\"id\": \"a\"}"));
        page.offer(0, record("{\"id\": \"b\"}"));
        page.offer(0, record("{\"id\": \"c\"}"));
        page.offer(1, record("{\"id\": \"a\"}"));
        page.offer(1, record("{\"id\": \"b\"}"));
        page.offer(1, record("{\"id\": \"b\"}"));
        page.offer(2, record("{\"id\": \"a\"}"));
        page.offer(2, record("{\"id\": \"d\"}"));

        assertThat(page.incompleteRecords()).as("b missed chunk 3, c chunks 2 and 3, d chunks 1 and 2").isEqualTo(3);
    }

    private static ObjectNode record(String json) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(json);
    }
}
