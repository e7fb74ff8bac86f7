package dev.reel.reason;

/**
 * One item of a list answer with the passage it came from.
 *
 * @param text    the item
 * @param passage its evidence
 */
public record ListedItem(String text, Evidence passage) {}
