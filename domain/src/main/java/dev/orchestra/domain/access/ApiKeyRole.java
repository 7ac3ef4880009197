package dev.orchestra.domain.access;

/** What a key may do: act for one agent, run everything of its tenant, or also administer the store. */
public enum ApiKeyRole {
    /** Heartbeats its agent and claims, starts, reports progress on, completes and fails that agent's tasks. */
    AGENT,
    /** Everything inside its tenant except the administration endpoints. */
    OPERATOR,
    /** Everything, the administration endpoints included, for any tenant it names. */
    ADMIN
}
