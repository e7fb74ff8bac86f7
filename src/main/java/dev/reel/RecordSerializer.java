package dev.reel;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Kryo for a Java record: its components in declaration order, read back through the canonical constructor. Kryo 4's
 * field serializer cannot build a record (the JDK refuses to set a record's final fields by reflection or Unsafe).
 * Primitive components go as plain values; the rest with their class, so null and subclasses survive.
 */
final class RecordSerializer<T> extends Serializer<T> {
  private final Class<?>[] types;
  private final Method[] accessors;
  private final Constructor<T> constructor;

  RecordSerializer(Class<T> type) {
    super(false, true);
    RecordComponent[] components = type.getRecordComponents();
    types = new Class<?>[components.length];
    accessors = new Method[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      accessors[i] = components[i].getAccessor();
      accessors[i].setAccessible(true);
    }
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no canonical constructor on record " + type.getName(), e);
    }
  }

  @Override
  public void write(Kryo kryo, Output output, T record) {
    for (int i = 0; i < types.length; i++) {
      Object value;
      try {
        value = accessors[i].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new KryoException("cannot read " + accessors[i], e);
      }
      writeValue(kryo, output, types[i], value);
    }
  }

  @Override
  public T read(Kryo kryo, Input input, Class<T> type) {
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      values[i] = readValue(kryo, input, types[i]);
    }
    try {
      return constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new KryoException("cannot rebuild " + type.getName(), e);
    }
  }

  private static void writeValue(Kryo kryo, Output output, Class<?> type, Object value) {
    if (type == int.class) {
      output.writeInt((Integer) value);
    } else if (type == long.class) {
      output.writeLong((Long) value);
    } else if (type == float.class) {
      output.writeFloat((Float) value);
    } else if (type == double.class) {
      output.writeDouble((Double) value);
    } else if (type == boolean.class) {
      output.writeBoolean((Boolean) value);
    } else if (type.isPrimitive()) {
      throw new KryoException("record component of type " + type + " is not supported");
    } else {
      kryo.writeClassAndObject(output, value);
    }
  }

  private static Object readValue(Kryo kryo, Input input, Class<?> type) {
    if (type == int.class) {
      return input.readInt();
    } else if (type == long.class) {
      return input.readLong();
    } else if (type == float.class) {
      return input.readFloat();
    } else if (type == double.class) {
      return input.readDouble();
    } else if (type == boolean.class) {
      return input.readBoolean();
    }
    return kryo.readClassAndObject(input);
  }
}
