package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows of {@code /employee_benefits}: employees 1, 2, 3… get one to three distinct plans each until there are
 * {@code count} rows (or no employees left).
 */
final class BenefitData {

    private static final List<String> PLANS = List.of("Medical", "Dental", "Vision", "Life Insurance",
            "Retirement 401(k)", "Commuter");
    private static final List<String> TIERS = List.of("basic", "standard", "premium");
    private static final LocalDate YEAR_START = LocalDate.of(2024, 1, 1);

    private final long seed;
    private final int count;
    private final int employeeCount;

    BenefitData(long seed, int count, int employeeCount) {
        this.seed = seed;
        this.count = count;
        this.employeeCount = employeeCount;
    }

    ArrayNode rows() {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (int employeeId = 1; employeeId <= employeeCount && rows.size() < count; employeeId++) {
            SplittableRandom random = Seeds.random(seed, Seeds.BENEFITS, employeeId);
            List<String> plans = new ArrayList<>(PLANS);
            for (int i = 1 + random.nextInt(3); i > 0 && rows.size() < count; i--) {
                ObjectNode plan = Json.object()
                        .put("name", plans.remove(random.nextInt(plans.size())))
                        .put("tier", Seeds.pick(random, TIERS));
                ObjectNode row = Json.object().put("id", rows.size() + 1).put("employee_id", employeeId);
                row.set("plan", plan);
                rows.add(row.put("monthly_cost", Seeds.money(random, 5, 900))
                        .put("starts_on", YEAR_START.plusDays(random.nextInt(366)).toString()));
            }
        }
        return rows;
    }
}
