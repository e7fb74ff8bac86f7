package dev.reel.tokenize;

import java.util.Iterator;
import java.util.function.Function;

/** Maps lazily, one element at a time, so a partition is never materialised whole. */
final class MappingIterator<A, B> implements Iterator<B> {
  private final Iterator<A> source;
  private final Function<A, B> mapping;

  MappingIterator(Iterator<A> source, Function<A, B> mapping) {
    this.source = source;
    this.mapping = mapping;
  }

  @Override
  public boolean hasNext() {
    return source.hasNext();
  }

  @Override
  public B next() {
    return mapping.apply(source.next());
  }
}
