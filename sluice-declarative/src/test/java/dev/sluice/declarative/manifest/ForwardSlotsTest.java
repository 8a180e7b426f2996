package dev.sluice.declarative.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.DeclarativeStreamSpec;
import dev.sluice.declarative.StreamSpec;
import dev.sluice.declarative.auth.LoginRequesterSpec;
import dev.sluice.declarative.auth.SessionTokenAuthenticatorSpec;
import dev.sluice.declarative.partition.ParentStreamConfigSpec;
import dev.sluice.declarative.partition.ParentStreamSpec;
import dev.sluice.declarative.requester.HttpRequesterSpec;
import dev.sluice.declarative.requester.RequesterSpec;
import dev.sluice.declarative.requester.properties.PropertiesRetrieverSpec;
import dev.sluice.declarative.retriever.PageRetrieverSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forward slots that break the grammar's recursions stand for their sealed slots in binding and validation. */
class ForwardSlotsTest {

    @Test
    void theProviderOfThisModuleRegistersTheThreeForwardSlots() {
        assertThat(ForwardSlotTable.SLOTS).containsExactlyInAnyOrderEntriesOf(Map.of(
                ParentStreamSpec.class, StreamSpec.class,
                LoginRequesterSpec.class, RequesterSpec.class,
                PropertiesRetrieverSpec.class, PageRetrieverSpec.class));
    }

    @Test
    void aForwardSlotAdmitsTheRecordsOfItsSealedSlot() {
        assertThat(ComponentShapes.slot(ParentStreamSpec.class).subtypes())
                .isEqualTo(ComponentShapes.slot(StreamSpec.class).subtypes())
                .containsKeys("DeclarativeStream", "StateDelegatingStream");
        assertThat(ComponentShapes.slot(LoginRequesterSpec.class).subtypes()).containsOnlyKeys("HttpRequester", "CustomRequester");
        assertThat(ComponentShapes.slot(PropertiesRetrieverSpec.class).subtypes())
                .containsOnlyKeys("SimpleRetriever", "CustomRetriever");
        assertThat(ComponentShapes.reachableTypeNames(ParentStreamConfigSpec.class))
                .contains("DeclarativeStream", "SimpleRetriever", "HttpRequester", "SubstreamPartitionRouter");
    }

    @Test
    void bindsTheRecordsOfAForwardSlot() {
        SessionTokenAuthenticatorSpec authenticator = ManifestBinder.bind(ManifestPipeline.fromYaml("""
                type: SessionTokenAuthenticator
                login_requester: {type: HttpRequester, url_base: "https://api.example.com", path: login}
                session_token_path: [token]
                request_authentication: {type: Bearer}
                """), SessionTokenAuthenticatorSpec.class);

        assertThat(authenticator.loginRequester()).isInstanceOf(HttpRequesterSpec.class);

        ParentStreamConfigSpec parent = ManifestBinder.bind(ManifestPipeline.fromYaml("""
                type: ParentStreamConfig
                parent_key: id
                partition_field: parent_id
                stream:
                  type: DeclarativeStream
                  name: parents
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "https://api.example.com", path: parents}
                    record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                """), ParentStreamConfigSpec.class);

        assertThat(parent.stream()).isInstanceOf(DeclarativeStreamSpec.class);
    }

    @Test
    void aTypeTheSealedSlotDoesNotAdmitFailsWithThePath() {
        assertThatThrownBy(() -> ManifestBinder.bind(ManifestPipeline.fromYaml("""
                type: SessionTokenAuthenticator
                login_requester: {type: DeclarativeStream, name: login}
                session_token_path: [token]
                request_authentication: {type: Bearer}
                """), SessionTokenAuthenticatorSpec.class))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("login_requester")
                .hasMessageContaining("HttpRequester");
    }
}
