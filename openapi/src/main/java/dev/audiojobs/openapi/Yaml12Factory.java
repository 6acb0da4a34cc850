package dev.audiojobs.openapi;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML factory whose plain scalars are booleans only as YAML 1.2 says: {@code true} and {@code false}
 * (any case). Jackson's YAML parser follows YAML 1.1, which also reads an unquoted {@code no},
 * {@code yes}, {@code on} and {@code off} as booleans: AssemblyAI's language codes list Norwegian as
 * {@code - no}, which became {@code false} and a client that could never send it. OpenAPI 3.0 and 3.1
 * documents are YAML 1.2 ("the YAML 1.2 Core Schema"), so those words stay strings.
 */
public final class Yaml12Factory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  /** A mapper that reads YAML (and JSON) with YAML 1.2's booleans. */
  public static com.fasterxml.jackson.dataformat.yaml.YAMLMapper mapper() {
    return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper(new Yaml12Factory());
  }

  @Override
  protected YAMLParser _createParser(Reader reader, IOContext context) {
    return new Yaml12Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
  }

  @Override
  protected YAMLParser _createParser(InputStream in, IOContext context) throws IOException {
    return _createParser(_createReader(in, null, context), context);
  }

  @Override
  protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) {
    return _createParser(new CharArrayReader(data, offset, length), context);
  }

  @Override
  protected YAMLParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
    return _createParser(_createReader(data, offset, length, null, context), context);
  }

  /** Jackson's parser with YAML 1.2's booleans. */
  private static final class Yaml12Parser extends YAMLParser {
    Yaml12Parser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
        Reader reader) {
      super(context, parserFeatures, yamlFeatures, options, codec, reader);
    }

    @Override
    protected Boolean _matchYAMLBoolean(String value, int length) {
      return switch (value) {
        case "true", "True", "TRUE" -> Boolean.TRUE;
        case "false", "False", "FALSE" -> Boolean.FALSE;
        default -> null;
      };
    }
  }
}
