package dev.orchestra.domain.integrity;

/** An ERROR is data that breaks a rule of the domain; a WARNING is data worth a look that breaks none. */
public enum Severity {
    ERROR, WARNING
}
