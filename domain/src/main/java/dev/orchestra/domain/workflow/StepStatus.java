package dev.orchestra.domain.workflow;

/** One attempt of one step: RUNNING until it ends COMPLETED, FAILED or SKIPPED. */
public enum StepStatus {
    RUNNING, COMPLETED, FAILED, SKIPPED;

    public boolean ended() {
        return this != RUNNING;
    }
}
