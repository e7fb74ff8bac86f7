package dev.reel.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/** Subject and decoded text parts of an RFC 822 message; HTML parts contribute their visible text. */
final class MailExtractor {
  private MailExtractor() {}

  static String text(byte[] rfc822) throws IOException {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
    Message message = builder.parseMessage(new ByteArrayInputStream(rfc822));
    try {
      StringBuilder text = new StringBuilder();
      String subject = message.getSubject();
      if (subject != null && !subject.isBlank()) {
        text.append("Subject: ").append(subject.strip()).append("\n\n");
      }
      appendBody(message, text);
      return text.toString().strip();
    } finally {
      message.dispose();
    }
  }

  private static void appendBody(Entity entity, StringBuilder text) throws IOException {
    Body body = entity.getBody();
    if (body instanceof Multipart multipart) {
      appendParts(multipart.getBodyParts(), text);
    } else if (body instanceof Message nested) {
      appendBody(nested, text);
    } else if (body instanceof TextBody textBody && !"attachment".equalsIgnoreCase(entity.getDispositionType())) {
      String part = read(textBody);
      String mime = entity.getMimeType();
      if ("text/html".equalsIgnoreCase(mime)) {
        part = HtmlExtractor.visibleText(part);
      } else if (!mime.toLowerCase().startsWith("text/")) {
        return;
      }
      text.append(part.strip()).append("\n\n");
    }
  }

  /** A multipart/alternative carries the same text twice; keep its plain part when it has one. */
  private static void appendParts(List<Entity> parts, StringBuilder text) throws IOException {
    boolean hasPlain = parts.stream().anyMatch(p -> "text/plain".equalsIgnoreCase(p.getMimeType()));
    for (Entity part : parts) {
      boolean alternative = part.getParent() != null
          && "multipart/alternative".equalsIgnoreCase(part.getParent().getMimeType());
      if (alternative && hasPlain && "text/html".equalsIgnoreCase(part.getMimeType())) {
        continue;
      }
      appendBody(part, text);
    }
  }

  private static String read(TextBody body) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Reader reader = body.getReader()) {
      char[] buffer = new char[8192];
      for (int n; (n = reader.read(buffer)) > 0; ) {
        out.append(buffer, 0, n);
      }
    }
    return out.toString();
  }
}
