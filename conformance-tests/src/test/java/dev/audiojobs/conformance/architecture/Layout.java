package dev.audiojobs.conformance.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the architecture rules look. Under {@code root}: the hand-written runtime ({@code
 * <root>.client}), its helpers for generated code ({@code <root>.client.internal}), one generated
 * package per vendor ({@code <root>.<vendor>}), the project's spec tooling ({@code <root>.openapi}) and
 * the conformance tests ({@code <root>.conformance}).
 *
 * <p>{@link #PRODUCTION} is rooted at {@code dev.audiojobs}. The negative controls apply the same rules
 * to {@link #FIXTURES}, a copy of that shape under {@code …architecture.fixtures} in which each
 * violating class breaks one rule on purpose; that is why the rules take a layout rather than naming
 * {@code dev.audiojobs} themselves.
 *
 * @param root the package everything else is named under
 * @param vendors the vendor tokens, each a package under {@code root}
 */
record Layout(String root, List<String> vendors) {
  /**
   * The real classes. Its vendors are the project's and the third-party fixtures' ({@code assemblyai},
   * generated into this module's test sources): generated code all the same, held to the same rules,
   * though only the project's ship.
   */
  static final Layout PRODUCTION = new Layout("dev.audiojobs", java.util.stream.Stream.concat(
      dev.audiojobs.conformance.VendorClients.VENDORS.stream(), dev.audiojobs.conformance.VendorClients.THIRD_PARTY_VENDORS.stream()).toList());
  static final Layout FIXTURES =
      new Layout("dev.audiojobs.conformance.architecture.fixtures", List.of("pyannote", "daily"));

  Layout {
    vendors = List.copyOf(vendors);
  }

  /** The runtime and its internal package, as an ArchUnit package pattern. */
  String runtime() {
    return root + ".client..";
  }

  String internal() {
    return root + ".client.internal..";
  }

  String conformance() {
    return root + ".conformance..";
  }

  String tooling() {
    return root + ".openapi..";
  }

  String vendor(String vendor) {
    return root + "." + vendor + "..";
  }

  /** Every vendor package, as ArchUnit package patterns: "generated code". */
  String[] generated() {
    return vendors.stream().map(this::vendor).toArray(String[]::new);
  }

  /** Generated code and the runtime: what ships in audiojobs-client. */
  String[] production() {
    String[] generated = generated();
    String[] production = new String[generated.length + 1];
    production[0] = runtime();
    System.arraycopy(generated, 0, production, 1, generated.length);
    return production;
  }

  /** The vendor whose generated package holds {@code javaClass}, if any. */
  Optional<String> vendorOf(JavaClass javaClass) {
    String pkg = javaClass.getBaseComponentType().getPackageName();
    return vendors.stream()
        .filter(v -> pkg.equals(root + "." + v) || pkg.startsWith(root + "." + v + "."))
        .findFirst();
  }

  /** {@code pyannote} → {@code Pyannote}, the prefix of the vendor's generated entry points. */
  static String prefix(String vendor) {
    return vendor.substring(0, 1).toUpperCase(Locale.ROOT) + vendor.substring(1);
  }

  /**
   * The generated classes that are not models: the public {@code <Vendor>Client} (with its {@code
   * Builder}), the package-private Retrofit interface {@code <Vendor>Service} and {@code
   * <Vendor>Json}. Nested and anonymous classes count as their top-level class.
   */
  Set<String> entryPoints(String vendor) {
    String p = prefix(vendor);
    return Set.of(p + "Client", p + "Service", p + "Json");
  }

  /**
   * Models: every generated class except the entry points and {@code package-info}, i.e. the records,
   * open-enum classes, sealed union interfaces and their JSON adapters.
   */
  DescribedPredicate<JavaClass> models() {
    return describe("are generated models (not <Vendor>Client, <Vendor>Client$Builder, <Vendor>Service or <Vendor>Json)",
        c -> vendorOf(c)
            .map(v -> !entryPoints(v).contains(topLevelSimpleName(c)) && !c.getSimpleName().equals("package-info"))
            .orElse(false));
  }

  /**
   * The builders of request records ({@code DiarizeRequest.Builder}): mutable by design, each used to
   * build one immutable record.
   */
  DescribedPredicate<JavaClass> requestBuilders() {
    return describe("are builders of request records (<Model>$Builder)",
        c -> vendorOf(c).isPresent() && c.getSimpleName().equals("Builder")
            && c.getEnclosingClass().map(JavaClass::isRecord).orElse(false));
  }

  /** The generated Retrofit interfaces: {@code <root>.<vendor>.<Vendor>Service}, exactly. */
  DescribedPredicate<JavaClass> apiInterfaces() {
    return describe("are the generated API interfaces <Vendor>Service",
        c -> c.isInterface()
            && vendorOf(c).map(v -> c.getName().equals(root + "." + v + "." + prefix(v) + "Service")).orElse(false));
  }

  /**
   * What a user of the published jar can call: public classes (and public nesting) of the runtime
   * and the vendor packages, but nothing in {@code client.internal}; any third-party library; and,
   * because these are tests, the tests' own classes and the project's spec tooling, which are not
   * part of the client.
   */
  DescribedPredicate<JavaClass> userCallable() {
    return describe("a user of audiojobs-client can call (public API of the runtime and vendor packages, not client.internal) or are third-party, test or tooling classes",
        c -> {
          JavaClass base = c.getBaseComponentType();
          if (!isUnderRoot(base)) return true;
          if (resides(base, conformance()) || resides(base, tooling())) return true;
          if (resides(base, internal())) return false;
          return (resides(base, runtime()) || vendorOf(base).isPresent()) && publiclyVisible(base);
        });
  }

  /** Members a user can reach: public members of classes {@link #userCallable()} accepts. */
  DescribedPredicate<JavaMember> userCallableMember() {
    return describe("are public members of what a user can call, or members of third-party, test or tooling classes",
        m -> {
          JavaClass owner = m.getOwner();
          if (!userCallable().test(owner)) return false;
          boolean client = resides(owner, runtime()) || vendorOf(owner).isPresent();
          return !client || m.getModifiers().contains(JavaModifier.PUBLIC);
        });
  }

  private boolean isUnderRoot(JavaClass c) {
    String pkg = c.getPackageName();
    return pkg.equals(root) || pkg.startsWith(root + ".");
  }

  private static boolean resides(JavaClass c, String pattern) {
    String prefix = pattern.substring(0, pattern.length() - 2); // "a.b.." → "a.b"
    String pkg = c.getPackageName();
    return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
  }

  private static boolean publiclyVisible(JavaClass c) {
    for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
      if (!k.get().getModifiers().contains(JavaModifier.PUBLIC)) return false;
    }
    return true;
  }

  private static String topLevelSimpleName(JavaClass c) {
    String name = c.getName().substring(c.getPackageName().isEmpty() ? 0 : c.getPackageName().length() + 1);
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
