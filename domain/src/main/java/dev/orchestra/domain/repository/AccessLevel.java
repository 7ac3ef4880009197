package dev.orchestra.domain.repository;

/** What agents may do in a repository. */
public enum AccessLevel {
    READ_ONLY, READ_WRITE, ADMIN
}
