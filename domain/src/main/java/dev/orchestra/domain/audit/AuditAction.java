package dev.orchestra.domain.audit;

public enum AuditAction {
    CREATE, UPDATE, DELETE, EXECUTE, RESTORE, REPAIR, IMPORT
}
