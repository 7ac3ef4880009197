package dev.orchestra.domain.repository;

public enum RepositoryType {
    GIT, SVN, LOCAL, REMOTE
}
