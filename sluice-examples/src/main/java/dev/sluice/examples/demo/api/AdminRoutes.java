package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Optional;

/** The {@code /_admin/} endpoints, whose JSON is documented on {@link DemoApi}. */
final class AdminRoutes {

    static final String PREFIX = "/_admin/";

    private final FaultPlan faults;
    private final RequestLog requests;
    private final TimeOffData timeOff;

    AdminRoutes(FaultPlan faults, RequestLog requests, TimeOffData timeOff) {
        this.faults = faults;
        this.requests = requests;
        this.timeOff = timeOff;
    }

    Response route(RecordedRequest request) throws RequestException {
        String method = request.method();
        switch (request.path()) {
            case PREFIX + "faults":
                if (method.equals("POST")) {
                    List<FaultRule> rules = FaultJson.rules(body(request));
                    rules.forEach(faults::add);
                    return Response.json(201, Json.object().put("scheduled", rules.size()));
                }
                requireMethod(method, "DELETE");
                return Response.json(200, Json.object().put("cleared", faults.clear()));
            case PREFIX + "requests":
                if (method.equals("GET")) {
                    return Response.json(200, Json.object().set("requests", recorded(request.queryParameter("path"))));
                }
                requireMethod(method, "DELETE");
                return Response.json(200, Json.object().put("cleared", requests.clear()));
            case PREFIX + "time_off_requests":
                requireMethod(method, "POST");
                return Response.json(200, Json.object().put("total", appendTimeOff(body(request))));
            default:
                throw new RequestException(404, "no such admin endpoint: " + request.path());
        }
    }

    private static void requireMethod(String method, String expected) throws RequestException {
        if (!method.equals(expected)) {
            throw new RequestException(405, "method " + method + " not allowed here");
        }
    }

    private static JsonNode body(RecordedRequest request) throws RequestException {
        try {
            return Json.parse(request.body());
        } catch (JsonProcessingException e) {
            throw new RequestException(400, "body is not JSON: " + e.getOriginalMessage());
        }
    }

    private int appendTimeOff(JsonNode body) throws RequestException {
        JsonNode rows = body.path("append");
        if (!rows.isIntegralNumber() || !rows.canConvertToInt() || rows.asInt() < 1 || body.size() != 1) {
            throw new RequestException(400, "expected {\"append\": <positive integer>}");
        }
        return timeOff.append(rows.asInt());
    }

    private ArrayNode recorded(Optional<String> path) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (RecordedRequest request : path.map(requests::forPath).orElseGet(requests::all)) {
            ObjectNode node = array.addObject()
                    .put("received_at", request.receivedAt().toString())
                    .put("method", request.method())
                    .put("path", request.path());
            node.set("query", Json.MAPPER.valueToTree(request.query()));
            node.set("headers", Json.MAPPER.valueToTree(request.headers()));
            node.put("body", request.body());
        }
        return array;
    }
}
