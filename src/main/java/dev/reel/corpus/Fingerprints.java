package dev.reel.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import dev.reel.corpus.CorpusManifest.Fingerprint;
import dev.reel.model.ModelFiles;

/** The tokenizer's and the model's fingerprints, as a corpus manifest records them and {@code ask} checks them. */
public final class Fingerprints {
  private Fingerprints() {}

  public static Fingerprint tokenizer(String name, byte[] tokenizerJson) {
    return new Fingerprint(name, HexFormat.of().formatHex(sha256().digest(tokenizerJson)));
  }

  public static Fingerprint model(ModelFiles files) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(files.onnxModel()), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return new Fingerprint(files.modelName(), HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
