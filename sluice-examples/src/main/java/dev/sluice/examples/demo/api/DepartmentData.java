package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parent/child pair {@code /departments} and {@code /departments/{id}/employees}: the departments of the
 * employees (ids 1 to 8, in {@link EmployeeData}'s order), of which the first {@link #listed} are listed, and each
 * department's employees. Built on first use, from the employees' generated rows.
 */
final class DepartmentData {

    private final EmployeeData employees;
    private final AtomicInteger listed = new AtomicInteger(EmployeeData.DEPARTMENTS.size());
    private volatile List<int[]> members;

    DepartmentData(EmployeeData employees) {
        this.employees = employees;
    }

    /** From now on the first {@code count} departments are listed (all at start). */
    void list(int count) {
        if (count < 0 || count > EmployeeData.DEPARTMENTS.size()) {
            throw new IllegalArgumentException("departments to list must be 0 to " + EmployeeData.DEPARTMENTS.size()
                    + ": " + count);
        }
        listed.set(count);
    }

    /** {@code [{"id": 1, "name": "Engineering"}, ...]}. */
    ArrayNode rows() {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (int id = 1; id <= listed.get(); id++) {
            rows.addObject().put("id", id).put("name", EmployeeData.DEPARTMENTS.get(id - 1));
        }
        return rows;
    }

    boolean exists(int id) {
        return id >= 1 && id <= EmployeeData.DEPARTMENTS.size();
    }

    /** The department's employees with {@code from <= updated_at <= to}, ascending by id. */
    List<ObjectNode> employees(int department, Instant from, Instant to) {
        List<ObjectNode> found = new ArrayList<>();
        for (int id : members().get(department - 1)) {
            ObjectNode row = employees.employee(id);
            Instant updatedAt = Instant.parse(row.get("updated_at").asText());
            if (!updatedAt.isBefore(from) && !updatedAt.isAfter(to)) {
                found.add(row);
            }
        }
        return found;
    }

    private List<int[]> members() {
        List<int[]> result = members;
        if (result == null) {
            List<List<Integer>> ids = new ArrayList<>();
            EmployeeData.DEPARTMENTS.forEach(name -> ids.add(new ArrayList<>()));
            for (int id = 1; id <= employees.count(); id++) {
                String name = employees.employee(id).get("department").asText();
                ids.get(EmployeeData.DEPARTMENTS.indexOf(name)).add(id);
            }
            result = ids.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList();
            members = result;
        }
        return result;
    }
}
