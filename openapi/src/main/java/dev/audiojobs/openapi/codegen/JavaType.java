package dev.audiojobs.openapi.codegen;

/**
 * How one schema maps to Java: the declared type and the code that reads and writes one value.
 *
 * @param declared the type as declared (a primitive where {@code primitive})
 * @param boxed the type usable as a generic argument or when the value may be absent
 * @param primitive whether {@code declared} is a primitive
 * @param read an expression reading one non-null value from {@code reader}
 * @param readerRef an expression of type {@code Json.Reader<boxed>}
 * @param writerRef an expression of type {@code Json.Writer<boxed>}
 * @param writeFormat a statement writing the value given as its one {@code %s} to {@code writer}
 * @param copyFormat an expression making the immutable copy a record stores of the value {@code %s}
 */
record JavaType(String declared, String boxed, boolean primitive, String read, String readerRef, String writerRef,
    String writeFormat, String copyFormat) {

  /** The same type when the value may be absent: primitives become their box. */
  JavaType optional() {
    return primitive ? new JavaType(boxed, boxed, false, read, readerRef, writerRef, writeFormat, copyFormat) : this;
  }

  boolean copies() {
    return !copyFormat.equals("%s");
  }

  static JavaType scalar(String declared, String boxed, String readMethod, String writeMethod) {
    return new JavaType(declared, boxed, !declared.equals(boxed), "Json." + readMethod + "(reader)",
        "Json::" + readMethod, "Json::" + writeMethod, "Json." + writeMethod + "(writer, %s);", "%s");
  }

  static JavaType model(String name) {
    String adapter = name + "JsonAdapter.INSTANCE";
    return new JavaType(name, name, false, adapter + ".fromJson(reader)", adapter + "::fromJson", adapter + "::toJson",
        adapter + ".toJson(writer, %s);", "%s");
  }

  static JavaType list(JavaType element) {
    String type = "List<" + element.boxed() + ">";
    return new JavaType(type, type, false, "Json.readList(reader, " + element.readerRef() + ")",
        "r -> Json.readList(r, " + element.readerRef() + ")",
        "(w, v) -> Json.writeList(w, v, " + element.writerRef() + ")",
        "Json.writeList(writer, %s, " + element.writerRef() + ");", "Json.copyOf(%s)");
  }

  static JavaType map(JavaType value) {
    String type = "Map<String, " + value.boxed() + ">";
    return new JavaType(type, type, false, "Json.readMap(reader, " + value.readerRef() + ")",
        "r -> Json.readMap(r, " + value.readerRef() + ")",
        "(w, v) -> Json.writeMap(w, v, " + value.writerRef() + ")",
        "Json.writeMap(writer, %s, " + value.writerRef() + ");", "Json.copyOf(%s)");
  }
}
