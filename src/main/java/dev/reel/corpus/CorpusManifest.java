package dev.reel.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * manifest.json of a prepared corpus: what it was made from (every input file with its size, modification time and,
 * where the file system keeps one, checksum), with which tokenizer and model, and its counts. {@code ask} refuses a
 * corpus whose tokenizer or model is not the one it runs with.
 *
 * @param format    layout version of the corpus directory
 * @param input     the --input it was prepared from
 * @param tokenizer fingerprint of the tokenizer.json the tokens came from
 * @param model     fingerprint of the ONNX model the token vectors come from
 * @param appended  what the last {@code prepare --append} changed; null after a full prepare
 */
public record CorpusManifest(int format, String created, String input, Fingerprint tokenizer, Fingerprint model,
                             Counts counts, List<InputFile> files, Appended appended) {
  /** The layout this code writes and reads. */
  public static final int FORMAT = 1;

  /** A file's name and the SHA-256 of its bytes. */
  public record Fingerprint(String name, String sha256) {
    public String describe() {
      return name + " (sha256 " + sha256.substring(0, 12) + ")";
    }
  }

  public record Counts(@JsonProperty("documents_seen") long documentsSeen,
                       @JsonProperty("documents_processed") long documentsProcessed,
                       @JsonProperty("documents_rejected") long documentsRejected,
                       long tokens) {}

  /**
   * @param checksum  the file system's checksum of the file (HDFS keeps one), null where it keeps none
   * @param documents its documents in the corpus
   * @param rejected  its records rejected (listed in a rejects file)
   */
  public record InputFile(String path, long size, long modified, String checksum, long documents, long rejected) {
    /** Whether {@code other} (the same path, listed again) may have other content. */
    public boolean differsFrom(InputFile other) {
      return size != other.size || modified != other.modified
          || (checksum != null && other.checksum != null && !checksum.equals(other.checksum));
    }
  }

  /**
   * An append's changes, file paths each.
   *
   * @param added    files not in the corpus before, read and placed after it
   * @param changed  files whose size, modification time or checksum changed: their old documents dropped, read again
   * @param deleted  files no longer in the input: their documents dropped
   * @param filesRead files this append read (added and changed)
   */
  public record Appended(List<String> added, List<String> changed, List<String> deleted,
                         @JsonProperty("files_read") int filesRead) {
    public boolean dropsAny() {
      return !changed.isEmpty() || !deleted.isEmpty();
    }
  }
}
