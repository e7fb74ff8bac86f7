package dev.reel.ingest;

import java.util.Locale;

/** Input formats, recognised by file name; unknown names are read as text when their bytes are text. */
enum Format {
  TEXT, HTML, EML, MBOX, JSONL, PARQUET, ZIP, TAR_GZ, TAR, OTHER;

  static Format of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".txt") || n.endsWith(".text") || n.endsWith(".md") || n.endsWith(".markdown")) {
      return TEXT;
    }
    if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
      return HTML;
    }
    if (n.endsWith(".eml")) {
      return EML;
    }
    if (n.endsWith(".mbox")) {
      return MBOX;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSONL;
    }
    if (n.endsWith(".parquet")) {
      return PARQUET;
    }
    if (n.endsWith(".zip")) {
      return ZIP;
    }
    if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
      return TAR_GZ;
    }
    return n.endsWith(".tar") ? TAR : OTHER;
  }

  boolean isArchive() {
    return this == ZIP || this == TAR_GZ || this == TAR;
  }
}
