// The checks every project of the consumer matrix shares, run after its build succeeded (so Consumer
// called every vendor on the OkHttp it expected). Evaluated by each project's verify.groovy with its
// binding (basedir, commonDir).

def jars = new File(basedir, 'target/runtime-classpath.txt').readLines().findAll { it.endsWith('.jar') }.collect { new File(it) }

// One copy of each class of OkHttp, Okio and Kotlin: two jars holding okhttp3.* (okhttp 4.12.0 next to
// okhttp-jvm 5.x) would be used class by class in classpath order, a mix no one tested.
def owners = [:].withDefault { [] }
jars.each { jar ->
  new java.util.zip.ZipFile(jar).withCloseable { zip ->
    zip.entries().each { entry ->
      def name = entry.name
      if (name.endsWith('.class') && !name.startsWith('META-INF/') && (name.startsWith('okhttp3/') || name.startsWith('okio/') || name.startsWith('kotlin/'))) {
        owners[name] << jar.name
      }
    }
  }
}
def duplicates = owners.findAll { name, inJars -> inJars.size() > 1 }
assert duplicates.isEmpty() : "${duplicates.size()} classes are on the classpath more than once, e.g. ${duplicates.take(3)}"
assert owners.keySet().any { it.startsWith('okhttp3/') } : "no okhttp3 class on the runtime classpath: ${jars*.name}"

def versions = new Properties()
new File(basedir, 'target/loaded-versions.txt').withReader { versions.load(it) }
def project = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml'))
println "consumer matrix: ${project.name.text()}: OkHttp ${versions.okhttp}, Okio ${versions.okio}, Kotlin stdlib ${versions.kotlin} " +
    "(${jars.size()} jars, each okhttp3/okio/kotlin class once)"
return true
