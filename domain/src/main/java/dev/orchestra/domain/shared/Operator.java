package dev.orchestra.domain.shared;

/** The comparisons a {@link Specification} can make; each store knows how to evaluate every one. */
public enum Operator {
    EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL
}
