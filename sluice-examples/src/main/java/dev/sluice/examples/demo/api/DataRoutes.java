package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The demo API's data endpoints: health, employees, benefits, time-off requests and departments. */
final class DataRoutes {

    private static final List<String> PATHS = List.of("/health", "/employees", "/employee_benefits",
            "/time_off_requests", "/departments");
    private static final Pattern DEPARTMENT_EMPLOYEES = Pattern.compile("/departments/(\\d{1,9})/employees");

    private final @Nullable String apiKey;
    private final EmployeeData employees;
    private final BenefitData benefits;
    private final TimeOffData timeOff;
    private final DepartmentData departments;

    DataRoutes(@Nullable String apiKey, EmployeeData employees, BenefitData benefits, TimeOffData timeOff,
            DepartmentData departments) {
        this.apiKey = apiKey;
        this.employees = employees;
        this.benefits = benefits;
        this.timeOff = timeOff;
        this.departments = departments;
    }

    Response route(RecordedRequest request) throws RequestException {
        String path = request.path();
        Matcher department = DEPARTMENT_EMPLOYEES.matcher(path);
        boolean child = department.matches() && departments.exists(Integer.parseInt(department.group(1)));
        if (!PATHS.contains(path) && !child) {
            throw new RequestException(404, "no such endpoint: " + path);
        }
        if (!path.equals("/health")) {
            authorize(request);
        }
        if (!request.method().equals("GET")) {
            throw new RequestException(405, path + " accepts only GET");
        }
        switch (path) {
            case "/health":
                return Response.json(200, Json.object().put("status", "ok"));
            case "/employees":
                return employees(Page.of(request));
            case "/employee_benefits":
                ArrayNode rows = benefits.rows();
                return Response.json(200, Json.object().set("benefits", rows));
            case "/departments":
                return Response.json(200, Json.object().set("data", departments.rows()));
            case "/time_off_requests":
                return timeOffRequests(Page.of(request), updatedSince(request));
            default:
                return departmentEmployees(Integer.parseInt(department.group(1)), Page.of(request),
                        instant(request, "updated_from").orElse(Instant.MIN),
                        instant(request, "updated_to").orElse(Instant.MAX));
        }
    }

    private Response departmentEmployees(int department, Page page, Instant from, Instant to) {
        List<ObjectNode> found = departments.employees(department, from, to);
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (long i = page.offset(); i < page.offset() + page.size() && i < found.size(); i++) {
            rows.add(found.get((int) i));
        }
        return Response.json(200, page.envelope(rows, found.size()));
    }

    /** The key may come as a header or a query parameter; compared in constant time, and never echoed. */
    private void authorize(RecordedRequest request) throws RequestException {
        if (apiKey == null) {
            return;
        }
        String given = request.header("X-Api-Key").or(() -> request.queryParameter("api_key")).orElse("");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8))) {
            throw new RequestException(401, "invalid api key");
        }
    }

    private Response employees(Page page) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        long first = page.offset() + 1;
        for (long id = first; id < first + page.size() && id <= employees.count(); id++) {
            rows.add(employees.employee((int) id));
        }
        return Response.json(200, page.envelope(rows, employees.count()));
    }

    private Response timeOffRequests(Page page, Optional<Instant> updatedSince) {
        int total = timeOff.count(); // read once: rows may be appended while this page is built
        int firstMatch = updatedSince.map(since -> timeOff.firstUpdatedAfter(since, total)).orElse(1);
        ArrayNode rows = Json.MAPPER.createArrayNode();
        long first = firstMatch + page.offset();
        for (long id = first; id < first + page.size() && id <= total; id++) {
            rows.add(timeOff.row((int) id));
        }
        return Response.json(200, page.envelope(rows, total - firstMatch + 1));
    }

    private static Optional<Instant> updatedSince(RecordedRequest request) throws RequestException {
        return instant(request, "updated_since");
    }

    /**
     * A query parameter as an instant. Accepts {@code 2024-03-01T10:00:00Z}, an offset, a date-time without
     * zone (UTC) or a date (its start in UTC); also the offset's '+' sent unencoded, which arrives as a space.
     */
    private static Optional<Instant> instant(RecordedRequest request, String name) throws RequestException {
        Optional<String> text = request.queryParameter(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().strip();
        for (String candidate : List.of(value, value.replace(' ', '+'))) {
            try {
                return Optional.of(OffsetDateTime.parse(candidate).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw new RequestException(400, name + " must be an ISO-8601 date or date-time");
        }
    }
}
