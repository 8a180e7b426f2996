package dev.sluice.builder.app;

/** What the editor shows when the manifest file does not exist yet: a small manifest to start from. */
final class Starter {

    static final String MANIFEST = """
            # A new declarative manifest: one stream read from an HTTP API. Edit, press Test, then Save.
            version: "6.44.0"
            type: DeclarativeSource

            check:
              type: CheckStream
              stream_names: [items]

            streams:
              - type: DeclarativeStream
                name: items
                primary_key: id
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base_url'] }}"
                    path: /items
                    http_method: GET
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                schema_loader:
                  type: InlineSchemaLoader
                  schema: {type: object, properties: {}}

            spec:
              type: Spec
              connection_specification:
                type: object
                required: [base_url]
                properties:
                  base_url: {type: string, title: Base URL, description: "Where the API is"}
                  api_key: {type: string, title: API key, airbyte_secret: true}
            """;

    private Starter() {
    }
}
