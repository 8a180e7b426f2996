package dev.sluice.examples.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.HttpStream;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.Slice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /employee_benefits}: a plain full refresh (one page, not resumable). Its schema is the static
 * {@code schemas/employee_benefits.json}, which {@code $ref}s {@code schemas/shared/benefit_plan.json}.
 */
final class EmployeeBenefits extends HttpStream {

    private final DemoApiClient api;

    EmployeeBenefits(DemoApiClient api) {
        this.api = api;
    }

    @Override
    public PrimaryKey primaryKey() {
        return PrimaryKey.of("id");
    }

    @Override
    public boolean isResumable() {
        return false;
    }

    @Override
    protected String urlBase() {
        return api.baseUrl();
    }

    @Override
    protected String path(Slice slice, @Nullable ObjectNode pageToken) {
        return "employee_benefits";
    }

    @Override
    protected @Nullable ObjectNode nextPageToken(HttpResponse response) {
        return null;
    }

    @Override
    protected List<ObjectNode> parseResponse(HttpResponse response, Slice slice) {
        return DemoRecords.at(response, "benefits");
    }

    @Override
    protected Authenticator authenticator() {
        return api.authenticator();
    }
}
