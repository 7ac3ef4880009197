package dev.orchestra.domain.migration;

import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.shared.TenantId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to read a legacy document.
 *
 * @param tenant          the tenant the data goes to
 * @param assumeZone      the zone of timestamps written without one
 * @param agentStatusMap  legacy integer status to agent status (LEGACY-FORMAT.md's table by default)
 */
public record LegacyReadOptions(TenantId tenant, ZoneOffset assumeZone, Map<Integer, AgentStatus> agentStatusMap) {
    public static final Map<Integer, AgentStatus> DEFAULT_AGENT_STATUS_MAP = Map.of(
            0, AgentStatus.IDLE, 1, AgentStatus.BUSY, 2, AgentStatus.ERROR, 3, AgentStatus.OFFLINE,
            4, AgentStatus.OFFLINE);

    public LegacyReadOptions {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(assumeZone, "assumeZone");
        agentStatusMap = Map.copyOf(agentStatusMap);
    }

    public static LegacyReadOptions defaults(TenantId tenant) {
        return new LegacyReadOptions(tenant, ZoneOffset.UTC, DEFAULT_AGENT_STATUS_MAP);
    }

    /** "0=IDLE,1=BUSY,…": entries given replace the defaults of the same number. */
    public static Map<Integer, AgentStatus> parseStatusMap(String text) {
        Map<Integer, AgentStatus> map = new TreeMap<>(DEFAULT_AGENT_STATUS_MAP);
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not NUMBER=STATUS");
            }
            int number;
            try {
                number = Integer.parseInt(parts[0].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[0].trim() + "' is not a number");
            }
            try {
                map.put(number, AgentStatus.valueOf(parts[1].trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + parts[1].trim() + "' is not one of IDLE, BUSY, ERROR, OFFLINE");
            }
        }
        return map;
    }
}
