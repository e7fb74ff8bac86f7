package dev.reel;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.serializer.KryoRegistrator;
import dev.reel.config.ImportancePart;
import dev.reel.gather.BoundedTopK;
import dev.reel.score.Candidate;

/**
 * Registers every class of ours that Spark moves between JVMs (shuffled, persisted, broadcast or returned by a task),
 * so Kryo writes a small id instead of a class name, and {@code spark.kryo.registrationRequired} catches a class that
 * was forgotten. The order is part of the wire format: driver and executors run this same code.
 */
public final class KryoClasses implements KryoRegistrator {
  /** Classes Kryo's field serializer handles as they are. */
  private static final List<String> PLAIN = List.of(
      "dev.reel.model.AttentionProjection", "dev.reel.model.TokenVectors", "dev.reel.model.Vocabulary",
      "dev.reel.reason.KeptSpan", "dev.reel.tokenize.TokenFrequencies", "dev.reel.score.DnaLookup",
      "dev.reel.score.DnaGates", "dev.reel.score.ScoreSummary",
      "dev.reel.config.ImportancePart", "dev.reel.config.PositionPolicy", "dev.reel.config.ScoringRule",
      "dev.reel.config.Backend", "dev.reel.config.TasteSource",
      "dev.reel.config.VectorSource");
  /** Records: built back through their canonical constructor. */
  private static final List<String> RECORDS = List.of(
      "dev.reel.ingest.IngestRecord", "dev.reel.tokenize.TokenizedDoc", "dev.reel.tokenize.PositionStage$DocKey",
      "dev.reel.chunk.ChunkPiece",
      "dev.reel.chunk.ChunkStoreStats", "dev.reel.score.Candidate", "dev.reel.score.AlphaShortlist",
      "dev.reel.score.ScoringModel", "dev.reel.score.ScoringBatch", "dev.reel.score.QuestionDna",
      "dev.reel.tokenize.QuestionTokens$Weighted", "dev.reel.reason.SpanContext",
      "dev.reel.reason.SpecificSentences$Sentence",
      "dev.reel.model.ContextualSpec", "dev.reel.dna.LearnedTastes", "dev.reel.dna.LearnedTastes$Gate",
      "dev.reel.config.ReelConfig",
      "dev.reel.config.ChunkOptions", "dev.reel.config.ScoreOptions", "dev.reel.config.IngestOptions",
      "dev.reel.config.ModelOptions");

  @Override
  public void registerClasses(Kryo kryo) {
    for (String name : PLAIN) {
      kryo.register(load(name));
    }
    for (String name : RECORDS) {
      register(kryo, load(name));
    }
    kryo.register(BoundedTopK.class, new TopKSerializer());
    kryo.register(ArrayList.class);
    ImmutableListSerializer immutable = new ImmutableListSerializer();
    kryo.register(List.of().getClass(), immutable);
    kryo.register(List.of(1).getClass(), immutable);
    kryo.register(HashMap.class);
    kryo.register(TreeMap.class); // ScoreSummary's GPUs per executor
    kryo.register(TreeSet.class);
    kryo.register(EnumSet.noneOf(ImportancePart.class).getClass());
    kryo.register(int[][].class);
    kryo.register(long[][].class);
    kryo.register(float[][].class);
    kryo.register(String[].class);
  }

  private static <T> void register(Kryo kryo, Class<T> record) {
    kryo.register(record, new RecordSerializer<>(record));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, KryoClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Kryo registration names a missing class " + name, e);
    }
  }

  /**
   * The JDK's immutable lists (List.of, Stream.toList: two classes), read back as unmodifiable lists: Kryo's
   * collection serializer cannot fill them.
   */
  private static final class ImmutableListSerializer extends Serializer<List<Object>> {
    ImmutableListSerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<Object> list) {
      output.writeInt(list.size(), true);
      for (Object element : list) {
        kryo.writeClassAndObject(output, element);
      }
    }

    @Override
    public List<Object> read(Kryo kryo, Input input, Class<List<Object>> type) {
      Object[] elements = new Object[input.readInt(true)];
      for (int i = 0; i < elements.length; i++) {
        elements[i] = kryo.readClassAndObject(input);
      }
      return Collections.unmodifiableList(Arrays.asList(elements)); // Stream.toList's may hold nulls
    }
  }

  /**
   * A top-K travels as its capacity and kept candidates, each as its ten fields written directly: a scoring pass
   * returns a buffer per question from every partition, millions of candidates, and the record serializer's
   * reflective calls cost more than the scoring (measured). Offering them again rebuilds the same content.
   */
  private static final class TopKSerializer extends Serializer<BoundedTopK> {
    @Override
    public void write(Kryo kryo, Output output, BoundedTopK top) {
      List<Candidate> kept = top.best();
      output.writeInt(top.capacity(), true);
      output.writeInt(kept.size(), true);
      for (Candidate c : kept) {
        output.writeLong(c.position());
        output.writeFloat(c.score());
        output.writeInt(c.docIndex(), true);
        output.writeInt(c.tokenId(), true);
        output.writeInt(c.charStart(), true);
        output.writeInt(c.charEnd(), true);
        output.writeInt(c.gate(), false);
        output.writeFloat(c.gravity());
        output.writeFloat(c.attention());
        output.writeFloat(c.relevance());
      }
    }

    @Override
    public BoundedTopK read(Kryo kryo, Input input, Class<BoundedTopK> type) {
      BoundedTopK top = new BoundedTopK(input.readInt(true));
      int size = input.readInt(true);
      for (int i = 0; i < size; i++) {
        top.offer(new Candidate(input.readLong(), input.readFloat(), input.readInt(true), input.readInt(true),
            input.readInt(true), input.readInt(true), input.readInt(false), input.readFloat(), input.readFloat(),
            input.readFloat()));
      }
      return top;
    }
  }
}
