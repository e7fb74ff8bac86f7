package dev.reel;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link HighlightReel#ask} found: one answer row per question (the columns of answers.parquet) and every kept
 * token of every question's buffer (the columns of reel.parquet, with question_id). Both are built from rows the
 * driver holds: one buffer per question, at most --buffer-mb each.
 */
public record ReelAnswers(Dataset<Row> answers, Dataset<Row> reel) {}
