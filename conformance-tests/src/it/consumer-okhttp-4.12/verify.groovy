// The checks every project of the consumer matrix shares: one copy of each okhttp3, okio and kotlin
// class on the runtime classpath, and the versions the JVM loaded, printed for the build log.
return evaluate(new File(commonDir, 'verify-consumer.groovy'))
