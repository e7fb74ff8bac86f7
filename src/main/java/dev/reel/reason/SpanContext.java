package dev.reel.reason;

import java.io.Serializable;

/** The sentence around a kept span, cut from its document on the executor that holds it. */
record SpanContext(int spanIndex, int docIndex, String source, String docId, int start, int end, String text)
    implements Serializable {}
