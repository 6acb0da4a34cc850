// Runs after the consumer's build succeeded (so each vendor's getJob decoded its variant). Checks that it
// got there with audiojobs-client alone and with the dependency versions the client was tested with.

def repository = localRepositoryPath as File

// Nothing else of this repository was resolved: not audiojobs-parent (the published POM is flattened),
// not audiojobs-openapi (the generator).
def ours = new File(repository, 'dev/audiojobs').list() as List
assert ours == ['audiojobs-client'] : "the consumer's repository holds dev.audiojobs artifacts other than audiojobs-client: ${ours}"
def pom = new File(repository, "dev/audiojobs/audiojobs-client/${clientVersion}/audiojobs-client-${clientVersion}.pom")
assert !pom.text.contains('<parent>') : "the published POM names a parent: ${pom}"

// What Maven Central requires of a POM, on the POM a consumer actually got.
def project = new groovy.xml.XmlSlurper().parse(pom)
def required = [
    'name': project.name, 'description': project.description, 'url': project.url,
    'licenses/license/name': project.licenses.license.name, 'licenses/license/url': project.licenses.license.url,
    'developers/developer/name': project.developers.developer.name,
    'scm/url': project.scm.url, 'scm/connection': project.scm.connection, 'scm/developerConnection': project.scm.developerConnection]
def missing = required.findAll { element, value -> value.text().trim().isEmpty() }.keySet()
assert missing.isEmpty() : "the published POM lacks what Maven Central requires: ${missing}"

// A stable module name for module-path users.
def jar = new java.util.jar.JarFile(new File(repository, "dev/audiojobs/audiojobs-client/${clientVersion}/audiojobs-client-${clientVersion}.jar"))
def moduleName = jar.withCloseable { it.manifest.mainAttributes.getValue('Automatic-Module-Name') }
assert moduleName == 'dev.audiojobs.client' : "Automatic-Module-Name of the published jar: ${moduleName}"

// The runtime classpath Maven resolved for the consumer from the published POM alone holds the same
// jars, in the same versions, as audiojobs-client's own runtime classpath (where the parent's BOMs
// align OkHttp, Okio and Kotlin). A difference means users run on versions the tests never saw.
def names = { List<String> paths -> paths.findAll { it.endsWith('.jar') }.collect { new File(it).name } as Set }
def consumer = names(new File(basedir, 'target/runtime-classpath.txt').readLines())
def client = names(new File(clientRuntimeClasspath).text.trim().split(File.pathSeparator) as List) + "audiojobs-client-${clientVersion}.jar".toString()
assert consumer == client : "consumer classpath differs from the client's: only the consumer's ${consumer - client}, only the client's ${client - consumer}"

println "consumer smoke test: resolved ${consumer.size()} jars, the same as audiojobs-client's runtime classpath"
return evaluate(new File(commonDir, 'verify-consumer.groovy'))
