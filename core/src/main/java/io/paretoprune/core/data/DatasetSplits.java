package io.paretoprune.core.data;

/** A data set's training and test split. */
public record DatasetSplits(LabeledImages train, LabeledImages test) {}
