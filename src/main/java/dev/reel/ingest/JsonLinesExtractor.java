package dev.reel.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One document per JSON-lines record, its text taken from a configurable field. */
final class JsonLinesExtractor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesExtractor() {}

  static void extract(String docId, String content, String textField, RecordSink sink) {
    String[] lines = content.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String lineId = docId + "#" + (i + 1);
      try {
        JsonNode text = JSON.readTree(lines[i]).get(textField);
        if (text == null || !text.isTextual()) {
          sink.reject(lineId, "line " + (i + 1) + ": no text field '" + textField + "' (--json-field)");
        } else {
          sink.document(lineId, text.asText());
        }
      } catch (JsonProcessingException e) {
        sink.reject(lineId, "line " + (i + 1) + ": invalid JSON: " + e.getOriginalMessage());
      }
    }
  }
}
