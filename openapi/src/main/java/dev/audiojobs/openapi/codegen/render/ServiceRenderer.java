package dev.audiojobs.openapi.codegen.render;

import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.OKHTTP_RESPONSE_BODY;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.RETROFIT_CALL;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.nullable;
import static dev.audiojobs.openapi.codegen.render.RuntimeTypes.retrofit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.audiojobs.openapi.codegen.model.Operation;
import dev.audiojobs.openapi.codegen.model.Operation.Parameter;
import javax.lang.model.element.Modifier;

/** The package-private Retrofit interface: the HTTP shape of each operation, the body left undecoded. */
final class ServiceRenderer {
  private final Context context;

  ServiceRenderer(Context context) {
    this.context = context;
  }

  TypeSpec render() {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(ClientRenderer.serviceClass(context))
        .addJavadoc("""
            The HTTP shape of each operation. Paths are relative, so a base URL with a path prefix works; the
            body stays undecoded here because the client decodes it with the generated adapters and keeps the
            raw text for errors.
            """);
    for (Operation operation : context.api().operations()) {
      type.addMethod(method(operation));
      if (operation.paging() instanceof Operation.NextUrlPaging) {
        type.addMethod(MethodSpec.methodBuilder(nextPageMethod(operation))
            .addJavadoc("A next page of {@code $L}, at the URL the page before gave.\n", operation.id())
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(ParameterizedTypeName.get(RETROFIT_CALL, OKHTTP_RESPONSE_BODY))
            .addAnnotation(retrofit("GET"))
            .addParameter(ParameterSpec.builder(String.class, "url").addAnnotation(retrofit("Url")).build())
            .build());
      }
    }
    return type.build();
  }

  /** The service method that fetches a next page of {@code operation} by URL; it sends the key as the operation does. */
  static String nextPageMethod(Operation operation) {
    return operation.id() + "NextPage";
  }

  private MethodSpec method(Operation operation) {
    String relative = operation.path().startsWith("/") ? operation.path().substring(1) : operation.path();
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.id())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(ParameterizedTypeName.get(RETROFIT_CALL, OKHTTP_RESPONSE_BODY));
    if (operation.method() == Operation.HttpMethod.DELETE && operation.requestBody() != null) {
      // Retrofit's @DELETE has no body; @HTTP says it has one.
      method.addAnnotation(AnnotationSpec.builder(retrofit("HTTP"))
          .addMember("method", "$S", "DELETE")
          .addMember("path", "$S", relative)
          .addMember("hasBody", "true")
          .build());
    } else {
      method.addAnnotation(AnnotationSpec.builder(retrofit(operation.method().name())).addMember("value", "$S", relative).build());
    }
    for (Parameter p : operation.parameters()) {
      String annotation = p.in() == Operation.Location.PATH ? "Path" : "Query";
      AnnotationSpec.Builder where = AnnotationSpec.builder(retrofit(annotation)).addMember("value", "$S", p.name());
      TypeName type = context.types().boxed(p.type());
      if (QueryValueRenderer.isQueryValue(context, p)) {
        type = QueryValueRenderer.serviceType(); // the client passes the value's query values: ?name=a&name=b
      } else if (OperationRenderer.joinedArray(p)) {
        // ?w=a,b: the client method joins the values, each already encoded, so the commas stay literal
        type = ClassName.get(String.class);
        where.addMember("encoded", "true");
      }
      // an exploded array is a List, which Retrofit sends as ?w=a&w=b
      method.addParameter(ParameterSpec.builder(p.required() ? type : nullable(type), Names.member(p.name()))
          .addAnnotation(where.build())
          .build());
    }
    if (operation.requestBody() != null) {
      method.addParameter(ParameterSpec.builder(RuntimeTypes.OKHTTP_REQUEST_BODY, "body")
          .addAnnotation(retrofit("Body"))
          .build());
    }
    return method.build();
  }
}
