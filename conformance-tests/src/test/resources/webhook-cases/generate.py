#!/usr/bin/env python3
"""Writes the webhook conformance cases of ../shared/CASES.md ("Webhook cases") for the three vendors.

Every signature is computed by the `openssl` command line, never by audiojobs' own verifier:
  utf8 secret:   printf '%s' "$CONTENT" | openssl dgst -sha256 -hmac "$SECRET" -binary
  base64 secret: printf '%s' "$CONTENT" | openssl dgst -sha256 -mac HMAC -macopt hexkey:"$(base64 -d <<<"$SECRET" | xxd -p -c 256)" -binary
then written as base64 or lowercase hex. Run from this directory: `python3 generate.py` (idempotent; it
rewrites every webhook-*.json below pyannote/, daily/ and lyrcs/).
"""

import base64
import json
import os
import subprocess

NOW = "2026-11-02T10:00:00Z"
NOW_S = 1793613600  # date -u -d 2026-11-02T10:00:00Z +%s
TS = str(NOW_S - 15)  # a delivery signed 15 s before the receiver reads it

PYANNOTE_SECRET = "whsec_pyannote_conformance_4b7e2a"
PYANNOTE_OLD = "whsec_pyannote_previous_91c3d0"
DAILY_HMAC = "aXQ0eKO9oDFzfeT15+ZA4EGYxTq7czmVR9gDQiIAbhg="  # openssl rand -base64 32
DAILY_OLD = "o3hxv3+dyWjwBjPDnNI8PqhcMF3eLiEt86fyyxSI9Gk="  # openssl rand -base64 32
LYRCS_SECRET = "lyrcs_whsec_conformance_5e8d1f"
LYRCS_OLD = "lyrcs_whsec_previous_a07b3c"

PYANNOTE_SOURCE = "doc https://docs.pyannote.ai/webhooks/verifying-webhooks; FACTS.md (write side, pyannoteAI webhooks; write-side decision 6)"
DAILY_SOURCE = "FACTS.md (write side, Daily webhooks: inferred from three integrations citing Daily's docs; write-side decision 6)"
LYRCS_SOURCE = "doc https://docs.lyrcs.ai/guides/webhooks; FACTS.md (write side, lyrcs.ai webhooks)"


def hmac(secret, content, secret_encoding):
    if secret_encoding == "utf8":
        command = ["openssl", "dgst", "-sha256", "-hmac", secret, "-binary"]
    else:
        command = ["openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt",
                   "hexkey:" + base64.b64decode(secret).hex(), "-binary"]
    mac = subprocess.run(command, input=content.encode("utf-8"), capture_output=True, check=True).stdout
    assert len(mac) == 32, mac
    return mac


def encode(mac, encoding):
    return base64.b64encode(mac).decode("ascii") if encoding == "base64" else mac.hex()


def write(vendor, name, description, source, webhook, expect):
    case = {"description": description, "source": source, "operation": "webhook", "webhook": webhook, "expect": expect}
    os.makedirs(vendor, exist_ok=True)
    with open(os.path.join(vendor, "webhook-" + name + ".json"), "w", encoding="utf-8") as out:
        json.dump(case, out, indent=2, ensure_ascii=False)
        out.write("\n")


def signed(secret, content, secret_encoding, encoding):
    return encode(hmac(secret, content, secret_encoding), encoding)


# ------------------------------------------------------------------------------------------- pyannoteAI

def pyannote():
    job = "fb16c565-f3f0-4402-a08c-9d44df0ccc7b"
    diarization = ('{"jobId":"' + job + '","status":"succeeded","output":{"diarization":['
                   '{"speaker":"SPEAKER_00","start":0.5,"end":7.25},{"speaker":"SPEAKER_01","start":7.25,"end":12}]}}')
    voiceprint = '{"jobId":"' + job + '","status":"succeeded","output":{"voiceprint":"aGVsbG8gd29ybGQ"}}'
    identify = ('{"jobId":"' + job + '","status":"succeeded","output":{"diarization":[{"speaker":"SPEAKER_00","start":15,"end":30.5}],'
                '"identification":[{"speaker":"SPEAKER_00","start":15,"end":30.5,"diarizationSpeaker":"SPEAKER_00","match":"Sam"}],'
                '"voiceprints":[{"speaker":"SPEAKER_00","match":"Sam","confidence":{"Sam":16,"Rick":24}}]}}')
    status_only = '{"jobId":"' + job + '","status":"succeeded"}'
    failed = '{"jobId":"' + job + '","status":"failed","output":{"error":"Audio file could not be decoded"}}'
    canceled = '{"jobId":"' + job + '","status":"canceled"}'
    unknown_status = '{"jobId":"' + job + '","status":"archived","output":{"summary":"newer than this client"}}'
    pretty = ('{\n  "jobId": "' + job + '",\n  "status": "succeeded",\n  "output": {\n    "diarization": [\n'
              '      {"speaker": "SPEAKER_00", "start": 0.5, "end": 7.25, "note": "café – naïve ✓"}\n    ]\n  }\n}\n')
    reserialised = json.dumps(json.loads(diarization), indent=2)

    def content(ts, body):
        return "v0:" + ts + ":" + body

    def sig(body, ts=TS, secret=PYANNOTE_SECRET, encoding="base64"):
        return signed(secret, content(ts, body), "utf8", encoding)

    def hook(body, headers, secret=PYANNOTE_SECRET, now=NOW, **extra):
        webhook = {"secret": secret} if isinstance(secret, str) else {"secrets": secret}
        webhook["now"] = now
        webhook.update(extra)
        webhook["headers"] = headers
        webhook["bodyText"] = body
        return webhook

    def headers(body, ts=TS, **kwargs):
        return {"X-Request-Timestamp": ts, "X-Signature": sig(body, ts, **kwargs)}

    verified = lambda variant: {"outcome": "verified", "variant": variant}
    rejected = lambda reason: {"outcome": "rejected", "reason": reason}
    v = "pyannote"
    write(v, "verified-diarization-base64",
          "A succeeded diarization job signed as the docs say (base64 X-Signature over v0:{timestamp}:{body}) verifies and decodes as a DiarizationJob, the same union getJob returns.",
          PYANNOTE_SOURCE, hook(diarization, headers(diarization)), verified("DiarizationJob"))
    write(v, "verified-diarization-hex",
          "The same delivery with the signature written in hex, as the docs' sample reportedly does, verifies too (write-side decision 6).",
          PYANNOTE_SOURCE, hook(diarization, headers(diarization, encoding="hex")), verified("DiarizationJob"))
    write(v, "verified-voiceprint",
          "A succeeded voiceprint job verifies and decodes as a VoiceprintJob.",
          PYANNOTE_SOURCE, hook(voiceprint, headers(voiceprint)), verified("VoiceprintJob"))
    write(v, "verified-identify",
          "A succeeded identification job verifies and decodes as an IdentifyJob.",
          PYANNOTE_SOURCE, hook(identify, headers(identify)), verified("IdentifyJob"))
    write(v, "verified-status-only",
          "A webhookStatusOnly delivery ({jobId, status}, no output) verifies and decodes as an UnknownJob.",
          PYANNOTE_SOURCE, hook(status_only, headers(status_only)), verified("UnknownJob"))
    write(v, "verified-failed-with-error",
          "A failed job whose output holds only error verifies and decodes as an UnknownJob that keeps the error.",
          PYANNOTE_SOURCE, hook(failed, headers(failed)), verified("UnknownJob"))
    write(v, "verified-canceled-status-only",
          "A canceled job without output verifies and decodes as an UnknownJob.",
          PYANNOTE_SOURCE, hook(canceled, headers(canceled)), verified("UnknownJob"))
    write(v, "verified-unknown-status-and-output",
          "A status and an output newer than this client (an unknown event) verify and decode as an UnknownJob that loses nothing.",
          PYANNOTE_SOURCE, hook(unknown_status, headers(unknown_status)), verified("UnknownJob"))
    write(v, "verified-pretty-printed-unicode-body",
          "A pretty-printed body with non-ASCII text and a final newline verifies byte for byte (the signature covers its UTF-8 bytes, whitespace included).",
          PYANNOTE_SOURCE, hook(pretty, headers(pretty)), verified("DiarizationJob"))
    write(v, "verified-lowercase-header-names",
          "Header names are case-insensitive: x-request-timestamp and x-signature verify.",
          PYANNOTE_SOURCE, hook(diarization, {"x-request-timestamp": TS, "x-signature": sig(diarization)}), verified("DiarizationJob"))
    write(v, "verified-rotated-secret",
          "During a rotation the receiver holds the new and the old secret; a delivery still signed with the old one verifies.",
          PYANNOTE_SOURCE, hook(diarization, headers(diarization, secret=PYANNOTE_OLD), secret=[PYANNOTE_SECRET, PYANNOTE_OLD]),
          verified("DiarizationJob"))
    write(v, "verified-at-tolerance-bound",
          "A delivery signed exactly 300 s before the receiver's clock is within the default tolerance (the bound is included).",
          PYANNOTE_SOURCE, hook(diarization, headers(diarization, ts=str(NOW_S - 300))), verified("DiarizationJob"))
    write(v, "verified-wider-tolerance",
          "A receiver that configured a 10-minute tolerance accepts a delivery signed 9 minutes ago.",
          PYANNOTE_SOURCE, hook(diarization, headers(diarization, ts=str(NOW_S - 540)), toleranceSeconds=600), verified("DiarizationJob"))
    write(v, "rejected-tampered-body",
          "A body changed after signing (succeeded became failed) is rejected for its signature.",
          PYANNOTE_SOURCE, hook(diarization.replace('"succeeded"', '"failed"'), headers(diarization)), rejected("signature"))
    write(v, "rejected-reserialised-json",
          "The same JSON re-serialised with other whitespace is rejected: signatures cover bytes, not JSON values.",
          PYANNOTE_SOURCE, hook(reserialised, headers(diarization)), rejected("signature"))
    write(v, "rejected-wrong-secret",
          "A delivery signed with a secret the receiver does not hold is rejected for its signature.",
          PYANNOTE_SOURCE, hook(diarization, headers(diarization, secret="whsec_someone_else_entirely")), rejected("signature"))
    write(v, "rejected-timestamp-header-swapped",
          "A signature made over another timestamp than the one in X-Request-Timestamp is rejected for its signature, although both times are within the tolerance.",
          PYANNOTE_SOURCE, hook(diarization, {"X-Request-Timestamp": str(NOW_S - 5), "X-Signature": sig(diarization, ts=TS)}), rejected("signature"))
    write(v, "rejected-sha256-prefix",
          "A signature with a sha256= prefix is rejected: pyannoteAI documents none, so none is stripped.",
          PYANNOTE_SOURCE, hook(diarization, {"X-Request-Timestamp": TS, "X-Signature": "sha256=" + sig(diarization, encoding="hex")}),
          rejected("signature"))
    write(v, "rejected-stale-timestamp",
          "A correctly signed delivery 301 s old (a replay) is rejected for its timestamp.",
          PYANNOTE_SOURCE, hook(diarization, headers(diarization, ts=str(NOW_S - 301))), rejected("timestamp"))
    write(v, "rejected-future-timestamp",
          "A correctly signed delivery dated 10 minutes ahead of the receiver's clock is rejected for its timestamp.",
          PYANNOTE_SOURCE, hook(diarization, headers(diarization, ts=str(NOW_S + 600))), rejected("timestamp"))
    write(v, "rejected-missing-signature",
          "A delivery without X-Signature is rejected for a missing header.",
          PYANNOTE_SOURCE, hook(diarization, {"X-Request-Timestamp": TS}), rejected("missing_header"))
    write(v, "rejected-missing-timestamp",
          "A delivery without X-Request-Timestamp is rejected for a missing header: the timestamp is part of what is signed.",
          PYANNOTE_SOURCE, hook(diarization, {"X-Signature": sig(diarization)}), rejected("missing_header"))
    missing_job_id = '{"status":"succeeded","output":{"diarization":[{"speaker":"SPEAKER_00","start":0.5,"end":7.25}]}}'
    write(v, "rejected-malformed-missing-job-id",
          "An authentic delivery without the required jobId is malformed: it verifies, does not decode at $.jobId, and keeps its raw body.",
          PYANNOTE_SOURCE, hook(missing_job_id, headers(missing_job_id)), {"outcome": "rejected", "reason": "malformed", "path": "$.jobId"})


# ------------------------------------------------------------------------------------------------ Daily

def daily():
    job = "3ab8faa2-8ba2-4ee6-bd15-003a92c18245"
    finished_payload = ('{"id":"' + job + '","preset":"transcript","status":"finished",'
                        '"input":{"sourceType":"uri","uri":"https://example.com/call.mp4"},'
                        '"output":{"transcription":[{"format":"JSON","s3Config":{"key":"my-domain/' + job
                        + '/transcript/output.json","bucket":"bucket-name","region":"us-west-2"}}]}}')
    error_payload = ('{"id":"' + job + '","preset":"transcript","status":"error","input":{"sourceType":"uri",'
                     '"uri":"https://example.com/call.mp4"},"error":"Error: Failed to transcribe. May be invalid audio or silent file"}')

    def envelope(kind, payload, event_id):
        return ('{"version":"1.0.0","type":"' + kind + '","id":"' + event_id + '","payload":' + payload
                + ',"event_ts":1793613584.512}')

    finished = envelope("batch-processor.job-finished", finished_payload, "evt-6b1f2c3d")
    error = envelope("batch-processor.error", error_payload, "evt-7c2a3e4f")
    unknown = envelope("recording.ready-to-download", '{"recording_id":"rec-1","room_name":"standup"}', "evt-8d3b4f50")
    reserialised = json.dumps(json.loads(finished), separators=(", ", ": "))

    def sig(body, ts=TS, secret=DAILY_HMAC, encoding="base64", secret_encoding="base64"):
        return signed(secret, ts + "." + body, secret_encoding, encoding)

    def headers(body, ts=TS, **kwargs):
        return {"X-Webhook-Timestamp": ts, "X-Webhook-Signature": sig(body, ts, **kwargs)}

    def hook(body, headers, secret=DAILY_HMAC):
        webhook = {"secret": secret} if isinstance(secret, str) else {"secrets": secret}
        webhook["now"] = NOW
        webhook["headers"] = headers
        webhook["bodyText"] = body
        return webhook

    verified = lambda variant: {"outcome": "verified", "variant": variant}
    rejected = lambda reason: {"outcome": "rejected", "reason": reason}
    v = "daily"
    write(v, "verified-job-finished",
          "A batch-processor.job-finished event signed with the base64-decoded hmac over {timestamp}.{body} verifies; its payload is the BatchJob getJob returns.",
          DAILY_SOURCE, hook(finished, headers(finished)), verified("JobFinishedEvent"))
    write(v, "verified-error",
          "A batch-processor.error event verifies; its payload is a BatchJob with status error and the error text.",
          DAILY_SOURCE, hook(error, headers(error)), verified("JobErrorEvent"))
    write(v, "verified-unknown-event-type",
          "An event type this client does not know (another Daily product's) verifies and decodes as an UnknownEvent that keeps the payload.",
          DAILY_SOURCE, hook(unknown, headers(unknown)), verified("UnknownEvent"))
    write(v, "verified-rotated-secret",
          "During a rotation the receiver holds the new and the old hmac; a delivery signed with the old one verifies.",
          DAILY_SOURCE, hook(finished, headers(finished, secret=DAILY_OLD), secret=[DAILY_HMAC, DAILY_OLD]), verified("JobFinishedEvent"))
    write(v, "verified-lowercase-header-names",
          "Header names are case-insensitive: x-webhook-timestamp and x-webhook-signature verify.",
          DAILY_SOURCE, hook(finished, {"x-webhook-timestamp": TS, "x-webhook-signature": sig(finished)}), verified("JobFinishedEvent"))
    write(v, "rejected-key-not-base64-decoded",
          "A signature made with the hmac's text as the key (not its base64-decoded bytes) is rejected for its signature.",
          DAILY_SOURCE, hook(finished, headers(finished, secret_encoding="utf8")), rejected("signature"))
    write(v, "rejected-hex-signature",
          "A correct HMAC written in hex is rejected: Daily signs in base64 only (write-side decision 6 accepts hex for pyannoteAI alone).",
          DAILY_SOURCE, hook(finished, headers(finished, encoding="hex")), rejected("signature"))
    write(v, "rejected-tampered-body",
          "A payload changed after signing (finished became error) is rejected for its signature.",
          DAILY_SOURCE, hook(finished.replace('"finished"', '"error"'), headers(finished)), rejected("signature"))
    write(v, "rejected-reserialised-json",
          "The same JSON re-serialised with spaces after separators is rejected: signatures cover bytes.",
          DAILY_SOURCE, hook(reserialised, headers(finished)), rejected("signature"))
    write(v, "rejected-wrong-secret",
          "A delivery signed with another webhook's hmac is rejected for its signature.",
          DAILY_SOURCE, hook(finished, headers(finished), secret=DAILY_OLD), rejected("signature"))
    write(v, "rejected-stale-timestamp",
          "A correctly signed delivery an hour old is rejected for its timestamp.",
          DAILY_SOURCE, hook(finished, headers(finished, ts=str(NOW_S - 3600))), rejected("timestamp"))
    write(v, "rejected-future-timestamp",
          "A correctly signed delivery dated 301 s ahead of the receiver's clock is rejected for its timestamp.",
          DAILY_SOURCE, hook(finished, headers(finished, ts=str(NOW_S + 301))), rejected("timestamp"))
    write(v, "rejected-missing-signature",
          "A delivery without X-Webhook-Signature is rejected for a missing header.",
          DAILY_SOURCE, hook(finished, {"X-Webhook-Timestamp": TS}), rejected("missing_header"))
    write(v, "rejected-missing-timestamp",
          "A delivery without X-Webhook-Timestamp is rejected for a missing header.",
          DAILY_SOURCE, hook(finished, {"X-Webhook-Signature": sig(finished)}), rejected("missing_header"))
    not_json = "OK"
    write(v, "rejected-malformed-not-json",
          "An authentic delivery whose body is not JSON is malformed and keeps its raw body.",
          DAILY_SOURCE, hook(not_json, headers(not_json)), {"outcome": "rejected", "reason": "malformed", "path": "$"})


# --------------------------------------------------------------------------------------------- lyrcs.ai

def lyrcs():
    job = "a1b2c3d4-e5f6-7890-abcd-ef1234567890"
    complete = ('{"event":"job.complete","job_id":"' + job + '","language":"Punjabi","created_at":"2024-01-01T00:00:00.000Z",'
                '"results":{"transcript":"ਸਤ ਸ੍ਰੀ ਅਕਾਲ","transliteration":"Sat sri akaal","translation":"Hello","cultural_notes":null,'
                '"downloads":{"lrc_original":"https://lyrcs.ai/api/v1/jobs/' + job + '/download/lrc/original"}}}')
    awaiting = ('{"event":"job.awaiting_review","job_id":"' + job + '","language":"Punjabi",'
                '"review_url":"https://lyrcs.ai/review/' + job + '?token=abc123","expires_at":"2024-01-02T00:00:00.000Z",'
                '"studio_url":"https://lyrcs.ai/studio/' + job + '"}')
    degraded = '{"event":"job.degraded","job_id":"' + job + '","language":"Punjabi","message":"Upstream model busy; retrying"}'
    failed = '{"event":"job.failed","job_id":"' + job + '","language":"Punjabi","error":"processing_failed"}'
    batch = '{"event":"batch.complete","batch_id":"b1a2t3c4-0000-4000-8000-000000000001","status":"partial","job_count":2}'
    unknown = '{"event":"job.reviewed","job_id":"' + job + '","reviewer":"artist"}'
    reserialised = json.dumps(json.loads(complete), ensure_ascii=True, separators=(",", ":"))

    def sig(body, secret=LYRCS_SECRET, encoding="hex"):
        return signed(secret, body, "utf8", encoding)

    def hook(body, headers, secret=LYRCS_SECRET, now=NOW):
        webhook = {"secret": secret} if isinstance(secret, str) else {"secrets": secret}
        webhook["now"] = now
        webhook["headers"] = headers
        webhook["bodyText"] = body
        return webhook

    verified = lambda variant: {"outcome": "verified", "variant": variant}
    rejected = lambda reason: {"outcome": "rejected", "reason": reason}
    v = "lyrcs"
    inferred = LYRCS_SOURCE + "; payload fields beyond {event, job_id} inferred from the review and batch pages"
    write(v, "verified-job-complete",
          "A job.complete event signed as the docs say (hex HMAC-SHA256 of the raw body) verifies and decodes as a JobCompleteEvent.",
          LYRCS_SOURCE + "; payload doc https://docs.lyrcs.ai/guides/review-flow", hook(complete, {"X-Lyrcs-Signature": sig(complete)}),
          verified("JobCompleteEvent"))
    write(v, "verified-job-awaiting-review",
          "A job.awaiting_review event verifies and decodes as a JobAwaitingReviewEvent.",
          LYRCS_SOURCE + "; payload doc https://docs.lyrcs.ai/api-reference/review", hook(awaiting, {"X-Lyrcs-Signature": sig(awaiting)}),
          verified("JobAwaitingReviewEvent"))
    write(v, "verified-job-degraded",
          "A job.degraded event verifies and decodes as a JobDegradedEvent.",
          inferred, hook(degraded, {"X-Lyrcs-Signature": sig(degraded)}), verified("JobDegradedEvent"))
    write(v, "verified-job-failed",
          "A job.failed event verifies and decodes as a JobFailedEvent.",
          inferred, hook(failed, {"X-Lyrcs-Signature": sig(failed)}), verified("JobFailedEvent"))
    write(v, "verified-batch-complete",
          "A batch.complete event (no job_id: it is about a batch) verifies and decodes as a BatchCompleteEvent.",
          inferred, hook(batch, {"X-Lyrcs-Signature": sig(batch)}), verified("BatchCompleteEvent"))
    write(v, "verified-unknown-event",
          "An event this client does not know verifies and decodes as an UnknownEvent that keeps the payload.",
          inferred, hook(unknown, {"X-Lyrcs-Signature": sig(unknown)}), verified("UnknownEvent"))
    write(v, "verified-uppercase-hex",
          "A signature in uppercase hex verifies: hex digits are case-insensitive.",
          LYRCS_SOURCE, hook(complete, {"X-Lyrcs-Signature": sig(complete).upper()}), verified("JobCompleteEvent"))
    write(v, "verified-rotated-secret",
          "During a rotation the receiver holds the new and the old webhook_secret; a delivery signed with the old one verifies.",
          LYRCS_SOURCE, hook(failed, {"X-Lyrcs-Signature": sig(failed, secret=LYRCS_OLD)}, secret=[LYRCS_SECRET, LYRCS_OLD]),
          verified("JobFailedEvent"))
    write(v, "verified-replay-a-year-later",
          "lyrcs.ai signs no timestamp, so a delivery replayed a year later still verifies: the vendor offers no replay protection (a known limitation, stated in the docs of this client); a timestamp header is ignored.",
          LYRCS_SOURCE, hook(failed, {"X-Lyrcs-Signature": sig(failed), "X-Request-Timestamp": "1"}, now="2027-11-02T10:00:00Z"),
          verified("JobFailedEvent"))
    write(v, "rejected-base64-signature",
          "A correct HMAC written in base64 is rejected: lyrcs.ai signs in hex only.",
          LYRCS_SOURCE, hook(complete, {"X-Lyrcs-Signature": sig(complete, encoding="base64")}), rejected("signature"))
    write(v, "rejected-tampered-body",
          "An event changed after signing (job.failed became job.complete) is rejected for its signature.",
          LYRCS_SOURCE, hook(failed.replace("job.failed", "job.complete"), {"X-Lyrcs-Signature": sig(failed)}), rejected("signature"))
    write(v, "rejected-reserialised-json",
          "The same JSON re-serialised with non-ASCII characters escaped (\\u0a38…) is rejected: signatures cover bytes.",
          LYRCS_SOURCE, hook(reserialised, {"X-Lyrcs-Signature": sig(complete)}), rejected("signature"))
    write(v, "rejected-wrong-secret",
          "A delivery signed with a secret the receiver does not hold is rejected for its signature.",
          LYRCS_SOURCE, hook(complete, {"X-Lyrcs-Signature": sig(complete, secret="lyrcs_whsec_someone_else")}), rejected("signature"))
    write(v, "rejected-sha256-prefix",
          "A signature with a sha256= prefix is rejected: lyrcs.ai documents none, so none is stripped.",
          LYRCS_SOURCE, hook(complete, {"X-Lyrcs-Signature": "sha256=" + sig(complete)}), rejected("signature"))
    write(v, "rejected-missing-signature",
          "A delivery without X-Lyrcs-Signature is rejected for a missing header.",
          LYRCS_SOURCE, hook(complete, {"Content-Type": "application/json"}), rejected("missing_header"))
    no_event = '{"job_id":"' + job + '","language":"Punjabi"}'
    write(v, "rejected-malformed-missing-event",
          "An authentic delivery without the event property is malformed at $.event and keeps its raw body.",
          inferred, hook(no_event, {"X-Lyrcs-Signature": sig(no_event)}), {"outcome": "rejected", "reason": "malformed", "path": "$.event"})


if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    pyannote()
    daily()
    lyrcs()
