package dev.reel.facts;

/**
 * A sentence read from the reel, with where it stands: facts are ordered by {@code position}, and the chain an
 * answer used names each fact's source and position.
 *
 * @param text     the sentence
 * @param source   the input file it comes from
 * @param key      identifies the sentence across hops (document id and character offset)
 * @param position global token position of the sentence (its first kept token)
 * @param hop      the hop whose buffer kept it (1-based)
 */
public record Statement(String text, String source, String key, long position, int hop) {}
