package dev.orchestra.domain.maintenance;

/** Why a backup was taken. */
public enum BackupTrigger {
    MANUAL, SCHEDULED, BEFORE_MIGRATION, BEFORE_REPAIR, BEFORE_RESTORE
}
