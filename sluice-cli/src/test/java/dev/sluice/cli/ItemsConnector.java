package dev.sluice.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same small connector twice, for tests against a scripted API: the declarative {@link #MANIFEST} and the
 * code-first {@link ItemsSource}. Both read {@code items} from {@code <base_url>/<path>} (records at {@code data},
 * next page at {@code next_page}, sent as {@code page}), put the API key in the query parameter {@code api_key},
 * and retry a failed request twice (the manifest waits 0.1 s plus the reference's extra second, the code-first one
 * 0.1 s).
 */
enum ItemsConnector {
    DECLARATIVE,
    CODE_FIRST;

    static final String MANIFEST = """
            version: "6.44.0"
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [items]}
            streams:
              - type: DeclarativeStream
                name: items
                primary_key: id
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base_url'] }}"
                    path: "{{ config['path'] }}"
                    authenticator:
                      type: ApiKeyAuthenticator
                      api_token: "{{ config['api_key'] }}"
                      inject_into: {type: RequestOption, inject_into: request_parameter, field_name: api_key}
                    error_handler:
                      type: DefaultErrorHandler
                      max_retries: 2
                      backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 0.1}]
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy:
                      type: CursorPagination
                      cursor_value: "{{ response.next_page }}"
                      stop_condition: "{{ response.next_page is none }}"
            spec:
              type: Spec
              connection_specification:
                type: object
                required: [base_url, path]
                properties:
                  base_url: {type: string}
                  path: {type: string}
                  api_key: {type: string, airbyte_secret: true}
            """;

    static final String CATALOG = """
            {"streams": [{"stream": {"name": "items", "json_schema": {"type": "object"},
              "supported_sync_modes": ["full_refresh"]}, "sync_mode": "full_refresh",
              "destination_sync_mode": "overwrite"}]}
            """;

    /** The connector options of a command: {@code --manifest <dir>/items.yaml} or {@code --source ItemsSource}. */
    List<String> connector(Path dir) throws IOException {
        if (this == CODE_FIRST) {
            return List.of("--source", ItemsSource.class.getName());
        }
        Path manifest = dir.resolve("items.yaml");
        if (!Files.exists(manifest)) {
            Files.writeString(manifest, MANIFEST);
        }
        return List.of("--manifest", manifest.toString());
    }

    /** {@code read} of {@code items} with this config, files written to {@code dir} under {@code name}. */
    List<String> read(Path dir, String name, ObjectNode config) throws IOException {
        List<String> args = new ArrayList<>(List.of("read"));
        args.addAll(connector(dir));
        args.addAll(List.of("--config", Files.writeString(dir.resolve(name + "-config.json"), Json.write(config))
                .toString(), "--catalog", Files.writeString(dir.resolve("items-catalog.json"), CATALOG).toString()));
        return args;
    }

    static ObjectNode config(String baseUrl, String path, String apiKey) {
        return Json.object().put("base_url", baseUrl).put("path", path).put("api_key", apiKey);
    }
}
