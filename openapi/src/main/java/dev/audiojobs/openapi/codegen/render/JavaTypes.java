package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.DOUBLE_LIST;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.FILE_PART;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.JSON;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.audiojobs.openapi.codegen.model.Type;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * How a spec {@link Type} maps to Java in one package: the declared type, and the code that reads,
 * writes and copies one value with the runtime's {@code Json} functions and the generated adapters.
 */
final class JavaTypes {
  private final String packageName;

  JavaTypes(String packageName) {
    this.packageName = packageName;
  }

  /** The generated class of schema {@code name}. */
  ClassName model(String name) {
    return ClassName.get(packageName, name);
  }

  /** The generated adapter of schema {@code name}. */
  ClassName adapter(String name) {
    return ClassName.get(packageName, name + "JsonAdapter");
  }

  /** The type usable as a generic argument or when the value may be absent. */
  TypeName boxed(Type type) {
    return declared(type).box();
  }

  /** The type as declared for a present, non-null value: a primitive for numbers and booleans. */
  TypeName declared(Type type) {
    if (type instanceof Type.Scalar s) {
      return switch (s.kind()) {
        case STRING -> ClassName.get(String.class);
        case DATE_TIME -> ClassName.get(OffsetDateTime.class);
        case DOUBLE -> TypeName.DOUBLE;
        case INT -> TypeName.INT;
        case LONG -> TypeName.LONG;
        case BOOLEAN -> TypeName.BOOLEAN;
      };
    }
    if (type instanceof Type.Binary) return FILE_PART;
    if (type instanceof Type.JsonValue) return ClassName.OBJECT;
    if (type instanceof Type.DoubleList) return DOUBLE_LIST;
    if (type instanceof Type.ListOf l) return ParameterizedTypeName.get(ClassName.get(List.class), boxed(l.element()));
    if (type instanceof Type.MapOf m) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), boxed(m.value()));
    }
    return model(((Type.Ref) type).schema());
  }

  /** The type of a value that may be absent: primitives become their box. */
  TypeName optional(Type type) {
    return boxed(type);
  }

  boolean primitive(Type type) {
    return declared(type).isPrimitive();
  }

  /** Whether a record stores an immutable copy of the value rather than the value itself. */
  boolean copies(Type type) {
    return type instanceof Type.ListOf || type instanceof Type.MapOf || type instanceof Type.JsonValue;
  }

  /** An expression reading one non-null value from {@code reader}. */
  CodeBlock read(Type type) {
    if (type instanceof Type.JsonValue) return CodeBlock.of("$T.readValue(reader)", RuntimeTypes.JSON_UNKNOWN);
    if (type instanceof Type.ListOf l) return CodeBlock.of("$T.readList(reader, $L)", JSON, readerRef(l.element()));
    if (type instanceof Type.MapOf m) return CodeBlock.of("$T.readMap(reader, $L)", JSON, readerRef(m.value()));
    if (type instanceof Type.Ref r) return CodeBlock.of("$T.INSTANCE.fromJson(reader)", adapter(r.schema()));
    return CodeBlock.of("$T.$L(reader)", JSON, "read" + scalarSuffix(type));
  }

  /** An expression of type {@code Json.Reader<boxed>}. */
  CodeBlock readerRef(Type type) {
    if (type instanceof Type.ListOf l) return CodeBlock.of("r -> $T.readList(r, $L)", JSON, readerRef(l.element()));
    if (type instanceof Type.MapOf m) return CodeBlock.of("r -> $T.readMap(r, $L)", JSON, readerRef(m.value()));
    if (type instanceof Type.Ref r) return CodeBlock.of("$T.INSTANCE::fromJson", adapter(r.schema()));
    return CodeBlock.of("$T::$L", JSON, "read" + scalarSuffix(type));
  }

  /** An expression of type {@code Json.Writer<boxed>}. */
  CodeBlock writerRef(Type type) {
    if (type instanceof Type.ListOf l) return CodeBlock.of("(w, v) -> $T.writeList(w, v, $L)", JSON, writerRef(l.element()));
    if (type instanceof Type.MapOf m) return CodeBlock.of("(w, v) -> $T.writeMap(w, v, $L)", JSON, writerRef(m.value()));
    if (type instanceof Type.Ref r) return CodeBlock.of("$T.INSTANCE::toJson", adapter(r.schema()));
    return CodeBlock.of("$T::$L", JSON, "write" + scalarSuffix(type));
  }

  /** A statement (without its semicolon) writing {@code value} to {@code writer}. */
  CodeBlock write(Type type, CodeBlock value) {
    if (type instanceof Type.JsonValue) return CodeBlock.of("$T.writeValue(writer, $L)", RuntimeTypes.JSON_TEXT, value);
    if (type instanceof Type.ListOf l) {
      return CodeBlock.of("$T.writeList(writer, $L, $L)", JSON, value, writerRef(l.element()));
    }
    if (type instanceof Type.MapOf m) return CodeBlock.of("$T.writeMap(writer, $L, $L)", JSON, value, writerRef(m.value()));
    if (type instanceof Type.Ref r) return CodeBlock.of("$T.INSTANCE.toJson(writer, $L)", adapter(r.schema()), value);
    return CodeBlock.of("$T.$L(writer, $L)", JSON, "write" + scalarSuffix(type), value);
  }

  /** An expression making the immutable copy a record stores of {@code value}; see {@link #copies}. */
  CodeBlock copy(Type type, CodeBlock value) {
    // any JSON value: a deep, unmodifiable copy, refusing what is no JSON value when the record is made
    if (type instanceof Type.JsonValue) return CodeBlock.of("$T.copyValue($L)", RuntimeTypes.JSON_UNKNOWN, value);
    return copies(type) ? CodeBlock.of("$T.copyOf($L)", JSON, value) : value;
  }

  private static String scalarSuffix(Type type) {
    if (type instanceof Type.DoubleList) return "DoubleList";
    if (!(type instanceof Type.Scalar s)) throw new IllegalArgumentException("no JSON form for " + type);
    return switch (s.kind()) {
      case STRING -> "String";
      case DATE_TIME -> "DateTime";
      case DOUBLE -> "Double";
      case INT -> "Int";
      case LONG -> "Long";
      case BOOLEAN -> "Boolean";
    };
  }
}
