package dev.audiojobs.openapi.codegen.render;

/** The package's {@code package-info.java}: {@code @NullMarked} and a summary (JavaPoet writes types only). */
final class PackageInfoRenderer {
  private final Context context;

  PackageInfoRenderer(Context context) {
    this.context = context;
  }

  String render() {
    String packageName = context.api().vendor().packageName();
    return JavaSources.header(context) + "\n"
        + "/**\n"
        + " * The " + Names.javadoc(context.api().title()) + " client ({@link " + ClientRenderer.clientClass(context)
        + "}) and its models.\n"
        + " *\n"
        + " * <p>Properties and parameters are non-null unless marked {@code @Nullable}, which is exactly where the\n"
        + " * spec allows absence or null.\n"
        + " */\n"
        + "@NullMarked\n"
        + "package " + packageName + ";\n"
        + "\n"
        + "import " + RuntimeTypes.NULL_MARKED + ";\n";
  }
}
