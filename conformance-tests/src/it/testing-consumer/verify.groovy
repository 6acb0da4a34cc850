// Runs after the consumer's tests passed against the simulators. Checks that they got there with
// audiojobs-testing alone, from a POM fit for Maven Central, on the classpath audiojobs-testing is tested with.

def repository = localRepositoryPath as File

// Nothing else of this repository was resolved: not audiojobs-parent (the published POM is flattened), not
// audiojobs-client (a test dependency of the testing module, which must not leak into its POM).
def ours = new File(repository, 'dev/audiojobs').list() as List
assert ours == ['audiojobs-testing'] : "the consumer's repository holds dev.audiojobs artifacts other than audiojobs-testing: ${ours}"
def pom = new File(repository, "dev/audiojobs/audiojobs-testing/${testingVersion}/audiojobs-testing-${testingVersion}.pom")
assert !pom.text.contains('<parent>') : "the published POM names a parent: ${pom}"

// What Maven Central requires of a POM, on the POM the consumer actually got.
def project = new groovy.xml.XmlSlurper().parse(pom)
def required = [
    'name': project.name, 'description': project.description, 'url': project.url,
    'licenses/license/name': project.licenses.license.name, 'licenses/license/url': project.licenses.license.url,
    'developers/developer/name': project.developers.developer.name,
    'scm/url': project.scm.url, 'scm/connection': project.scm.connection, 'scm/developerConnection': project.scm.developerConnection]
def missing = required.findAll { element, value -> value.text().trim().isEmpty() }.keySet()
assert missing.isEmpty() : "the published POM lacks what Maven Central requires: ${missing}"

// A stable module name for module-path users.
def jar = new java.util.jar.JarFile(new File(repository, "dev/audiojobs/audiojobs-testing/${testingVersion}/audiojobs-testing-${testingVersion}.jar"))
def moduleName = jar.withCloseable { it.manifest.mainAttributes.getValue('Automatic-Module-Name') }
assert moduleName == 'dev.audiojobs.testing' : "Automatic-Module-Name of the published jar: ${moduleName}"

// The test classpath Maven resolved from the published POM holds the same jars, in the same versions, as
// audiojobs-testing's own runtime classpath. JUnit is set aside on both sides: the consumer declares it,
// and audiojobs-testing's junit-jupiter-api is optional (only SimulatorExtension needs it).
def junit = { String name -> name ==~ /(junit-|opentest4j-|apiguardian-).*/ }
def names = { List<String> paths -> paths.findAll { it.endsWith('.jar') }.collect { new File(it).name }.findAll { !junit(it) } as Set }
def consumer = names(new File(basedir, 'target/test-classpath.txt').text.trim().split(File.pathSeparator) as List)
def testing = names(new File(testingRuntimeClasspath).text.trim().split(File.pathSeparator) as List) + "audiojobs-testing-${testingVersion}.jar".toString()
assert consumer == testing : "consumer classpath differs from audiojobs-testing's: only the consumer's ${consumer - testing}, only audiojobs-testing's ${testing - consumer}"

// The tests ran (and, the build having passed, passed).
def report = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-example.consumer.SimulatorConsumerTest.xml'))
assert (report.@tests.text() as int) == 3 && (report.@failures.text() as int) == 0 && (report.@errors.text() as int) == 0 : "surefire report: ${report.attributes()}"

println "testing consumer check: resolved ${consumer.size()} jars besides JUnit, the same as audiojobs-testing's runtime classpath; 3 tests against the simulators passed"
return true
