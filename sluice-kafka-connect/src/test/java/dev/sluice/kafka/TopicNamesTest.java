package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void aNameKafkaAcceptsIsKept() {
        assertThat(TopicNames.forStream("employee_benefits.v2-raw")).isEqualTo("employee_benefits.v2-raw");
    }

    @Test
    void anyOtherNameIsMadeValidAndKeptApartFromTheValidNameItResembles() {
        String sanitized = TopicNames.forStream("Q1 Budget");

        assertThat(sanitized).startsWith("Q1_Budget_").hasSize("Q1_Budget_".length() + 8);
        assertThat(sanitized).isNotEqualTo(TopicNames.forStream("Q1_Budget"));
        Topic.validate(sanitized);
        Topic.validate(TopicNames.forStream(".."));
        Topic.validate(TopicNames.forStream("Ünïcödé tables"));
    }

    @Test
    void aTopicOverTheLimitKeepsAPrefixAndAHash() {
        String topic = TopicNames.limited("x".repeat(300));

        assertThat(topic).hasSize(TopicNames.MAX_LENGTH).startsWith("x".repeat(200));
        Topic.validate(topic);
        assertThat(TopicNames.limited("x".repeat(300))).isNotEqualTo(TopicNames.limited("x".repeat(301)));
    }
}
