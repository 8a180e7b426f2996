package dev.sluice.examples.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.util.List;

/**
 * A code-first connector for the demo API ({@code ./sluice demo-api}). Config:
 * {@code {"base_url": "http://127.0.0.1:8080", "api_key": "optional", "page_size": 100}}.
 */
public final class DemoSource implements Source {

    @Override
    public ConnectorSpecification spec() {
        ObjectNode schema = Json.object();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", "Demo API");
        schema.put("type", "object");
        schema.putArray("required").add("base_url");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("base_url").put("type", "string").put("title", "Base URL")
                .put("description", "Where the demo API listens, e.g. http://127.0.0.1:8080");
        properties.putObject("api_key").put("type", "string").put("title", "API key")
                .put("airbyte_secret", true).put("description", "Needed when the demo API was started with a key");
        properties.putObject("page_size").put("type", "integer").put("minimum", 1).put("maximum", 1000)
                .put("default", 100);
        return ConnectorSpecification.of("https://github.com/sluice-dev/sluice#demo", schema);
    }

    @Override
    public List<Stream> streams(Config config) {
        DemoApiClient api = DemoApiClient.of(config);
        return List.of(new Employees(api), new EmployeeBenefits(api), new TimeOffRequests(api));
    }

    @Override
    public ConnectionStatus check(Config config, RunContext run) {
        DemoApiClient.of(config).health(run);
        return ConnectionStatus.succeeded();
    }
}
