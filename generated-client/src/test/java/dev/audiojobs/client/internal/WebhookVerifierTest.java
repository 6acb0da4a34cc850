package dev.audiojobs.client.internal;

import static dev.audiojobs.testsupport.Outcomes.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiojobs.client.WebhookVerificationException;
import dev.audiojobs.client.WebhookVerificationException.Reason;
import dev.audiojobs.pyannote.DiarizationJob;
import dev.audiojobs.pyannote.Job;
import dev.audiojobs.pyannote.PyannoteJson;
import dev.audiojobs.pyannote.UnknownJob;
import dev.audiojobs.testsupport.ReferenceHmac;
import dev.audiojobs.testsupport.WebhookSchemes;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The verifier against deliveries signed by paths that share no code with it: constants computed
 * with {@code openssl dgst} (the command beside each) and {@link ReferenceHmac}, RFC 2104 by hand.
 */
final class WebhookVerifierTest {
  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z"); // 1793613600
  private static final String TS = "1793613585"; // 15 s before NOW
  private static final String PYANNOTE_SECRET = "whsec_test_secret_0001";
  private static final String DAILY_HMAC = "aXQ0eKO9oDFzfeT15+ZA4EGYxTq7czmVR9gDQiIAbhg=";
  private static final String LYRCS_SECRET = "lyrcs_whsec_test_0001";
  private static final String JOB = "{\"jobId\":\"j1\",\"status\":\"succeeded\"}";
  private static final String DIARIZATION = "{\"jobId\":\"j1\",\"status\":\"succeeded\",\"output\":{\"diarization\":"
      + "[{\"speaker\":\"SPEAKER_00\",\"start\":0.5,\"end\":7.25}]}}";

  private static WebhookVerifier pyannote(String... secrets) {
    return WebhookVerifier.of(WebhookSchemes.PYANNOTE, List.of(secrets)).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static WebhookVerifier daily(String... secrets) {
    return WebhookVerifier.of(WebhookSchemes.DAILY, List.of(secrets)).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static WebhookVerifier lyrcs(String... secrets) {
    return WebhookVerifier.of(WebhookSchemes.LYRCS, List.of(secrets)).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.computeIfAbsent(namesAndValues[i], n -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return headers;
  }

  private static Map<String, List<String>> pyannoteHeaders(String ts, String body) {
    return headers("X-Request-Timestamp", ts, "X-Signature", ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + ts + ":" + body));
  }

  private static WebhookVerificationException rejected(Reason reason, Runnable verification) {
    WebhookVerificationException e = thrown(WebhookVerificationException.class, verification::run);
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    return e;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ independent vectors

  @Test
  void opensslVectorsVerifyForEachVendor() {
    // printf '%s' 'v0:1793613585:{"jobId":"j1","status":"succeeded"}' | openssl dgst -sha256 -hmac whsec_test_secret_0001 -binary | base64
    pyannote(PYANNOTE_SECRET).verify(headers("X-Request-Timestamp", TS,
        "X-Signature", "cC7RbXziX/WdGaH/G7H0wkhJcJtpKP+kCpL5Xk3EmPM="), utf8(JOB));
    // the same without -binary | base64: hex
    pyannote(PYANNOTE_SECRET).verify(headers("X-Request-Timestamp", TS,
        "X-Signature", "702ed16d7ce25ff59d19a1ff1bb1f4c24849709b6928ffa40a92f95e4dc498f3"), utf8(JOB));
    // printf '%s' '1793613585.{"type":"batch-processor.job-finished"}' | openssl dgst -sha256 -mac HMAC
    //   -macopt hexkey:$(printf '%s' "$DAILY_HMAC" | base64 -d | xxd -p -c 256) -binary | base64
    daily(DAILY_HMAC).verify(headers("X-Webhook-Timestamp", TS,
        "X-Webhook-Signature", "v58TrAuE9MtgsvLRn4VYHD7T6pFUkZXanfnye5OiXQQ="),
        utf8("{\"type\":\"batch-processor.job-finished\"}"));
    // printf '%s' '{"event":"job.complete","job_id":"j1"}' | openssl dgst -sha256 -hmac lyrcs_whsec_test_0001
    lyrcs(LYRCS_SECRET).verify(headers(
        "X-Lyrcs-Signature", "b5ae51d1cd8726a017ebed9df7248ce8b960395f67894241692255e904bd8d3f"),
        utf8("{\"event\":\"job.complete\",\"job_id\":\"j1\"}"));
  }

  @Test
  void signaturesCoverBytesEvenWhenTheyAreNotUtf8() {
    // Bytes no UTF-8 round trip preserves: a verifier that turns the body into a String and back
    // (as openai-java's does) would compute its HMAC over U+FFFD replacement characters instead.
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}'};
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(utf8("v0:" + TS + ":"));
    content.writeBytes(body);
    String signature = Base64.getEncoder().encodeToString(
        ReferenceHmac.hmacSha256(utf8(PYANNOTE_SECRET), content.toByteArray()));

    assertThatCode(() -> pyannote(PYANNOTE_SECRET).verify(
        headers("X-Request-Timestamp", TS, "X-Signature", signature), body)).doesNotThrowAnyException();
  }

  @Test
  void theStringConvenienceSignsTheUtf8Bytes() {
    String body = "{\"jobId\":\"j1\",\"status\":\"succeeded\",\"note\":\"café ✓\"}";
    assertThatCode(() -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(TS, body), body)).doesNotThrowAnyException();
  }

  // ------------------------------------------------------------------ signature

  @Test
  void everyChangedByteOfTheBodyIsRejected() {
    Map<String, List<String>> headers = pyannoteHeaders(TS, JOB);
    byte[] body = utf8(JOB);
    for (int i = 0; i < body.length; i++) {
      byte[] tampered = body.clone();
      tampered[i] ^= 0x01;
      rejected(Reason.SIGNATURE, () -> pyannote(PYANNOTE_SECRET).verify(headers, tampered));
    }
    rejected(Reason.SIGNATURE, () -> pyannote(PYANNOTE_SECRET).verify(headers, utf8(JOB + "\n")));
  }

  @Test
  void reSerialisedJsonIsRejected() {
    String reserialised = "{\"jobId\": \"j1\", \"status\": \"succeeded\"}"; // the same JSON value
    WebhookVerificationException e =
        rejected(Reason.SIGNATURE, () -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(TS, JOB), utf8(reserialised)));
    assertThat(e).hasMessage("webhook rejected (signature): X-Signature does not match the body and timestamp under the"
        + " secret (signed content \"v0:{timestamp}:{body}\", base64 or hex)");
    assertThat(e.header()).contains("X-Signature");
    assertThat(e.rawBody()).isEmpty();
  }

  @Test
  void aWrongSecretIsRejected() {
    rejected(Reason.SIGNATURE, () -> pyannote("whsec_another_team_secret").verify(pyannoteHeaders(TS, JOB), utf8(JOB)));
    rejected(Reason.SIGNATURE, () -> lyrcs("lyrcs_whsec_other").verify(
        headers("X-Lyrcs-Signature", ReferenceHmac.hex(LYRCS_SECRET, JOB)), utf8(JOB)));
  }

  @Test
  void aSignatureOverAnotherTimestampIsRejected() {
    Map<String, List<String>> swapped = headers("X-Request-Timestamp", "1793613590",
        "X-Signature", ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + TS + ":" + JOB));
    rejected(Reason.SIGNATURE, () -> pyannote(PYANNOTE_SECRET).verify(swapped, utf8(JOB)));
  }

  @Test
  void aSignatureOverAnotherTemplateIsRejected() {
    // Daily's content under pyannoteAI's scheme: the "v0:" prefix and the separator matter.
    Map<String, List<String>> daily = headers("X-Request-Timestamp", TS,
        "X-Signature", ReferenceHmac.base64(PYANNOTE_SECRET, TS + "." + JOB));
    rejected(Reason.SIGNATURE, () -> pyannote(PYANNOTE_SECRET).verify(daily, utf8(JOB)));
  }

  @Test
  void rotatedSecretsAreAllAccepted() {
    WebhookVerifier rotating = pyannote("whsec_new_secret_0002", PYANNOTE_SECRET);
    assertThatCode(() -> rotating.verify(pyannoteHeaders(TS, JOB), utf8(JOB))).doesNotThrowAnyException();
    Map<String, List<String>> signedWithNew = headers("X-Request-Timestamp", TS,
        "X-Signature", ReferenceHmac.base64("whsec_new_secret_0002", "v0:" + TS + ":" + JOB));
    assertThatCode(() -> rotating.verify(signedWithNew, utf8(JOB))).doesNotThrowAnyException();

    WebhookVerificationException e =
        rejected(Reason.SIGNATURE, () -> pyannote("whsec_a_secret_0003", "whsec_b_secret_0004").verify(signedWithNew, utf8(JOB)));
    assertThat(e.getMessage()).contains("under any of the 2 secrets");

    String dailyOld = "o3hxv3+dyWjwBjPDnNI8PqhcMF3eLiEt86fyyxSI9Gk=";
    Map<String, List<String>> dailySigned = headers("X-Webhook-Timestamp", TS,
        "X-Webhook-Signature", ReferenceHmac.base64WithBase64Key(dailyOld, TS + "." + JOB));
    assertThatCode(() -> daily(DAILY_HMAC, dailyOld).verify(dailySigned, utf8(JOB))).doesNotThrowAnyException();
    rejected(Reason.SIGNATURE, () -> daily(DAILY_HMAC).verify(dailySigned, utf8(JOB)));
  }

  @Test
  void dailysKeyIsTheBase64DecodedHmac() {
    Map<String, List<String>> keyedWithTheText = headers("X-Webhook-Timestamp", TS,
        "X-Webhook-Signature", ReferenceHmac.base64(DAILY_HMAC, TS + "." + JOB));
    rejected(Reason.SIGNATURE, () -> daily(DAILY_HMAC).verify(keyedWithTheText, utf8(JOB)));
    Map<String, List<String>> keyedWithTheBytes = headers("X-Webhook-Timestamp", TS,
        "X-Webhook-Signature", ReferenceHmac.base64WithBase64Key(DAILY_HMAC, TS + "." + JOB));
    assertThatCode(() -> daily(DAILY_HMAC).verify(keyedWithTheBytes, utf8(JOB))).doesNotThrowAnyException();
  }

  // ------------------------------------------------------------------ encodings

  @Test
  void eachVendorAcceptsExactlyItsEncodings() {
    String content = "v0:" + TS + ":" + JOB;
    String hex = ReferenceHmac.hex(PYANNOTE_SECRET, content);
    String base64 = ReferenceHmac.base64(PYANNOTE_SECRET, content);
    for (String signature : List.of(hex, hex.toUpperCase(java.util.Locale.ROOT), base64, base64.replace("=", ""))) {
      assertThatCode(() -> pyannote(PYANNOTE_SECRET).verify(
          headers("X-Request-Timestamp", TS, "X-Signature", signature), utf8(JOB))).as(signature).doesNotThrowAnyException();
    }

    String dailyHex = HexFormat.of().formatHex(Base64.getDecoder().decode(
        ReferenceHmac.base64WithBase64Key(DAILY_HMAC, TS + "." + JOB)));
    WebhookVerificationException daily = rejected(Reason.SIGNATURE, () -> daily(DAILY_HMAC).verify(
        headers("X-Webhook-Timestamp", TS, "X-Webhook-Signature", dailyHex), utf8(JOB)));
    assertThat(daily).hasMessage("webhook rejected (signature): X-Webhook-Signature holds no HMAC-SHA256 written in"
        + " base64 (32 bytes)");

    String lyrcsBase64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(ReferenceHmac.hex(LYRCS_SECRET, JOB)));
    rejected(Reason.SIGNATURE, () -> lyrcs(LYRCS_SECRET).verify(headers("X-Lyrcs-Signature", lyrcsBase64), utf8(JOB)));
  }

  @Test
  void aSha256PrefixIsNotStripped() {
    String hex = ReferenceHmac.hex(LYRCS_SECRET, JOB);
    rejected(Reason.SIGNATURE, () -> lyrcs(LYRCS_SECRET).verify(headers("X-Lyrcs-Signature", "sha256=" + hex), utf8(JOB)));
    rejected(Reason.SIGNATURE, () -> lyrcs(LYRCS_SECRET).verify(headers("X-Lyrcs-Signature", hex + "00"), utf8(JOB)));
    rejected(Reason.SIGNATURE, () -> lyrcs(LYRCS_SECRET).verify(headers("X-Lyrcs-Signature", hex.substring(2)), utf8(JOB)));
  }

  @Test
  void anyOfSeveralSignaturesMayMatch() {
    String good = ReferenceHmac.hex(LYRCS_SECRET, JOB);
    String other = ReferenceHmac.hex("lyrcs_whsec_other", JOB);
    for (Map<String, List<String>> headers : List.of(
        headers("X-Lyrcs-Signature", other, "X-Lyrcs-Signature", good),
        headers("X-Lyrcs-Signature", other + ", " + good),
        headers("X-Lyrcs-Signature", " " + other + " " + good + " "))) {
      assertThatCode(() -> lyrcs(LYRCS_SECRET).verify(headers, utf8(JOB))).as(headers.toString()).doesNotThrowAnyException();
    }
    WebhookVerificationException e = rejected(Reason.SIGNATURE,
        () -> lyrcs(LYRCS_SECRET).verify(headers("X-Lyrcs-Signature", other + "," + other), utf8(JOB)));
    assertThat(e.getMessage()).contains("holds 2 signatures and none matches the body under the secret");
  }

  // ------------------------------------------------------------------ headers

  @Test
  void headerNamesAreCaseInsensitiveWhateverTheMap() {
    String signature = ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + TS + ":" + JOB);
    Map<String, List<String>> lower = new HashMap<>();
    lower.put("x-request-timestamp", List.of(TS));
    lower.put("x-signature", List.of(signature));
    lower.put(null, List.of("HTTP/1.1 200 OK")); // HttpURLConnection's status line
    Map<String, List<String>> upper = new TreeMap<>(Map.of("X-REQUEST-TIMESTAMP", List.of(TS), "X-SIGNATURE", List.of(signature)));
    for (Map<String, List<String>> headers : List.of(lower, upper)) {
      assertThatCode(() -> pyannote(PYANNOTE_SECRET).verify(headers, utf8(JOB))).doesNotThrowAnyException();
    }
    // Values under names that differ only in case are merged, not shadowed.
    Map<String, List<String>> split = headers("x-signature", "bogus", "X-Signature", signature, "X-Request-Timestamp", TS);
    assertThatCode(() -> pyannote(PYANNOTE_SECRET).verify(split, utf8(JOB))).doesNotThrowAnyException();
  }

  @Test
  void theSingleValuedConvenienceVerifies() {
    Map<String, String> single = new HashMap<>();
    single.put("x-request-timestamp", TS);
    single.put("x-signature", ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + TS + ":" + JOB));
    single.put(null, "ignored");
    assertThatCode(() -> pyannote(PYANNOTE_SECRET).verify(WebhookVerifier.singleValued(single), utf8(JOB)))
        .doesNotThrowAnyException();
  }

  @Test
  void missingOrBlankHeadersAreNamed() {
    String signature = ReferenceHmac.base64(PYANNOTE_SECRET, "v0:" + TS + ":" + JOB);
    WebhookVerificationException noSignature = rejected(Reason.MISSING_HEADER,
        () -> pyannote(PYANNOTE_SECRET).verify(headers("X-Request-Timestamp", TS), utf8(JOB)));
    assertThat(noSignature).hasMessage("webhook rejected (missing_header): X-Signature is missing");
    assertThat(noSignature.header()).contains("X-Signature");

    WebhookVerificationException noTimestamp = rejected(Reason.MISSING_HEADER,
        () -> pyannote(PYANNOTE_SECRET).verify(headers("X-Signature", signature), utf8(JOB)));
    assertThat(noTimestamp.header()).contains("X-Request-Timestamp");

    rejected(Reason.MISSING_HEADER, () -> pyannote(PYANNOTE_SECRET).verify(
        headers("X-Request-Timestamp", TS, "X-Signature", " "), utf8(JOB)));
    rejected(Reason.MISSING_HEADER, () -> pyannote(PYANNOTE_SECRET).verify(
        headers("X-Request-Timestamp", "", "X-Signature", signature), utf8(JOB)));
    WebhookVerificationException lyrcs = rejected(Reason.MISSING_HEADER,
        () -> lyrcs(LYRCS_SECRET).verify(Map.of(), utf8(JOB)));
    assertThat(lyrcs.header()).contains("X-Lyrcs-Signature");
  }

  // ------------------------------------------------------------------ timestamps

  @Test
  void timestampsWithinTheToleranceEitherWayAreAcceptedAndTheBoundsIncluded() {
    for (long offset : new long[] {-300, -1, 0, 1, 300}) {
      String ts = Long.toString(NOW.getEpochSecond() + offset);
      assertThatCode(() -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(ts, JOB), utf8(JOB)))
          .as("offset %d s", offset).doesNotThrowAnyException();
    }
  }

  @Test
  void staleAndFutureTimestampsAreRejected() {
    String stale = Long.toString(NOW.getEpochSecond() - 301);
    WebhookVerificationException old =
        rejected(Reason.TIMESTAMP, () -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(stale, JOB), utf8(JOB)));
    assertThat(old).hasMessage("webhook rejected (timestamp): X-Request-Timestamp is 301 s in the past by the receiver's"
        + " clock; the tolerance is 300 s");
    assertThat(old.header()).contains("X-Request-Timestamp");

    String future = Long.toString(NOW.getEpochSecond() + 301);
    WebhookVerificationException ahead =
        rejected(Reason.TIMESTAMP, () -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(future, JOB), utf8(JOB)));
    assertThat(ahead.getMessage()).contains("is 301 s in the future");

    String dailyStale = Long.toString(NOW.getEpochSecond() - 3600);
    rejected(Reason.TIMESTAMP, () -> daily(DAILY_HMAC).verify(headers("X-Webhook-Timestamp", dailyStale,
        "X-Webhook-Signature", ReferenceHmac.base64WithBase64Key(DAILY_HMAC, dailyStale + "." + JOB)), utf8(JOB)));
  }

  @Test
  void theToleranceIsConfigurable() {
    String nineMinutes = Long.toString(NOW.getEpochSecond() - 540);
    rejected(Reason.TIMESTAMP, () -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(nineMinutes, JOB), utf8(JOB)));
    WebhookVerifier wider = pyannote(PYANNOTE_SECRET).withTolerance(Duration.ofMinutes(10));
    assertThat(wider.tolerance()).isEqualTo(Duration.ofMinutes(10));
    assertThatCode(() -> wider.verify(pyannoteHeaders(nineMinutes, JOB), utf8(JOB))).doesNotThrowAnyException();
    rejected(Reason.TIMESTAMP, () -> pyannote(PYANNOTE_SECRET).withTolerance(Duration.ZERO)
        .verify(pyannoteHeaders(TS, JOB), utf8(JOB)));
    assertThatThrownBy(() -> pyannote(PYANNOTE_SECRET).withTolerance(Duration.ofSeconds(-1)))
        .hasMessage("tolerance is negative: PT-1S");
  }

  @Test
  void theClockIsInjectedAndTheSystemClockIsTheDefault() {
    String current = Long.toString(Instant.now().getEpochSecond());
    assertThatCode(() -> WebhookVerifier.of(WebhookSchemes.PYANNOTE, List.of(PYANNOTE_SECRET))
        .verify(pyannoteHeaders(current, JOB), utf8(JOB))).doesNotThrowAnyException();
    WebhookVerifier aDayLater = pyannote(PYANNOTE_SECRET).withClock(Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC));
    rejected(Reason.TIMESTAMP, () -> aDayLater.verify(pyannoteHeaders(TS, JOB), utf8(JOB)));
  }

  @Test
  void aTimestampMustBeUnixSeconds() {
    for (String ts : List.of("2026-11-02T09:59:45Z", "-1793613585", "1793613585s", "0x6ae3d0d1")) {
      WebhookVerificationException e =
          rejected(Reason.TIMESTAMP, () -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(ts, JOB), utf8(JOB)));
      assertThat(e).hasMessage("webhook rejected (timestamp): X-Request-Timestamp is not Unix seconds");
    }
    // Milliseconds (13 digits) are not seconds.
    rejected(Reason.TIMESTAMP, () -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(TS + "000", JOB), utf8(JOB)));
    // A fraction of a second is accepted.
    assertThatCode(() -> pyannote(PYANNOTE_SECRET).verify(pyannoteHeaders(TS + ".512", JOB), utf8(JOB)))
        .doesNotThrowAnyException();
  }

  @Test
  void aForgedDeliveryIsReportedAsForgedWhateverItsTimestamp() {
    Map<String, List<String>> forgedAndStale = headers("X-Request-Timestamp", "1000",
        "X-Signature", ReferenceHmac.base64("whsec_attacker_guess", "v0:1000:" + JOB));
    rejected(Reason.SIGNATURE, () -> pyannote(PYANNOTE_SECRET).verify(forgedAndStale, utf8(JOB)));
  }

  @Test
  void lyrcsSignsNoTimestampSoAnOldDeliveryStillVerifies() {
    WebhookVerifier aYearLater = lyrcs(LYRCS_SECRET).withClock(Clock.fixed(NOW.plus(Duration.ofDays(365)), ZoneOffset.UTC));
    assertThatCode(() -> aYearLater.verify(headers("X-Lyrcs-Signature", ReferenceHmac.hex(LYRCS_SECRET, JOB),
        "X-Request-Timestamp", "1"), utf8(JOB))).doesNotThrowAnyException();
  }

  // ------------------------------------------------------------------ decoding

  @Test
  void unwrapDecodesIntoTheSameUnionAsGetJob() {
    Job job = pyannote(PYANNOTE_SECRET).unwrap(pyannoteHeaders(TS, DIARIZATION), utf8(DIARIZATION), PyannoteJson.adapter(Job.class));
    assertThat(job).isInstanceOf(DiarizationJob.class);
    assertThat(job.jobId()).isEqualTo("j1");

    Job statusOnly = pyannote(PYANNOTE_SECRET).unwrap(pyannoteHeaders(TS, JOB), utf8(JOB), PyannoteJson.adapter(Job.class));
    assertThat(statusOnly).isInstanceOf(UnknownJob.class);
  }

  @Test
  void unwrapVerifiesBeforeItDecodes() {
    rejected(Reason.SIGNATURE, () -> pyannote(PYANNOTE_SECRET).unwrap(pyannoteHeaders(TS, JOB), utf8("{}"),
        PyannoteJson.adapter(Job.class)));
  }

  @Test
  void anAuthenticPayloadThatDoesNotFitIsMalformedAndKeepsItsBody() {
    String noJobId = "{\"status\":\"succeeded\"}";
    WebhookVerificationException e = rejected(Reason.MALFORMED, () -> pyannote(PYANNOTE_SECRET)
        .unwrap(pyannoteHeaders(TS, noJobId), utf8(noJobId), PyannoteJson.adapter(Job.class)));
    assertThat(e.path()).contains("$.jobId");
    assertThat(e.rawBody()).contains(noJobId);
    assertThat(e.header()).isEmpty();
    assertThat(e.getMessage()).startsWith("webhook rejected (malformed): verified, but the payload does not decode at $.jobId: ");

    for (String body : List.of("", "OK", "null", JOB + " {}", "[1]")) {
      WebhookVerificationException bad = rejected(Reason.MALFORMED, () -> pyannote(PYANNOTE_SECRET)
          .unwrap(pyannoteHeaders(TS, body), utf8(body), PyannoteJson.adapter(Job.class)));
      assertThat(bad.rawBody()).as(body).contains(body);
    }
  }

  // ------------------------------------------------------------------ secrets

  @Test
  void noSecretAppearsInAnyMessageStackTraceOrToString() {
    String secret = "whsec_never_shown_5c2e";
    WebhookVerifier verifier = pyannote(secret, PYANNOTE_SECRET);
    assertThat(verifier.toString()).doesNotContain(secret).doesNotContain(PYANNOTE_SECRET)
        .isEqualTo("WebhookVerifier{WebhookScheme{X-Signature = HMAC-SHA256(utf8 secret, \"v0:{timestamp}:{body}\") as"
            + " [BASE64, HEX], timestamp X-Request-Timestamp within PT5M}, 2 secrets, tolerance PT5M}");

    String echoing = "{\"jobId\":7,\"status\":\"" + secret + "\"}"; // a payload that echoes the secret
    List<Throwable> failures = new ArrayList<>();
    failures.add(thrown(WebhookVerificationException.class, () -> verifier.verify(headers(), utf8(JOB))));
    failures.add(thrown(WebhookVerificationException.class, () -> verifier.verify(pyannoteHeaders(TS, echoing), utf8(JOB))));
    failures.add(thrown(WebhookVerificationException.class, () -> verifier.verify(pyannoteHeaders("1", JOB), utf8(JOB))));
    WebhookVerificationException malformed = thrown(WebhookVerificationException.class,
        () -> verifier.unwrap(pyannoteHeaders(TS, echoing), utf8(echoing), PyannoteJson.adapter(Job.class)));
    assertThat(malformed.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(malformed.rawBody().orElseThrow()).doesNotContain(secret).contains(Secrets.MASK);
    failures.add(malformed);
    failures.add(thrown(IllegalArgumentException.class,
        () -> WebhookVerifier.of(WebhookSchemes.DAILY, List.of(DAILY_HMAC, "not base64 at all: " + secret))));
    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(secret).doesNotContain(PYANNOTE_SECRET);
      assertThat(failure.toString()).doesNotContain(secret);
    }
  }

  @Test
  void badSecretsAreRefusedByPosition() {
    assertThatThrownBy(() -> WebhookVerifier.of(WebhookSchemes.PYANNOTE, List.of()))
        .hasMessage("no secret: a verifier needs at least one");
    assertThatThrownBy(() -> WebhookVerifier.of(WebhookSchemes.PYANNOTE, List.of(PYANNOTE_SECRET, "")))
        .hasMessage("secret 2 of 2 is empty");
    assertThatThrownBy(() -> WebhookVerifier.of(WebhookSchemes.DAILY, List.of("%%%not-base64%%%")))
        .hasMessage("secret 1 of 1 is not base64, as this vendor's secrets are");
    assertThatThrownBy(() -> WebhookVerifier.of(WebhookSchemes.DAILY, List.of(" ")))
        .hasMessage("secret 1 of 1 decodes to no bytes");
  }

  @Test
  void theExceptionIsAnAudioJobsExceptionOfNoAttempt() {
    WebhookVerificationException e = rejected(Reason.MISSING_HEADER, () -> lyrcs(LYRCS_SECRET).verify(Map.of(), utf8(JOB)));
    assertThat(e.operation()).isEqualTo("webhook");
    assertThat(e.attempts()).isZero();
    assertThat(Reason.MISSING_HEADER.wireName()).isEqualTo("missing_header");
    assertThatThrownBy(() -> WebhookVerificationException.rejected(Reason.MALFORMED, "X", "y"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
