package dev.audiojobs.testing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one job a simulator holds, at the simulator's current time.
 *
 * @param id the job id, as the API returns it
 * @param operation the operation that created it ({@code diarize}, {@code voiceprint}, {@code identify},
 *     {@code submitJob}, {@code transcribe})
 * @param status the status the API returns now, as sent on the wire
 * @param createdAt when it was submitted, on the simulator's clock
 * @param request the request body it was submitted with (JSON, or the multipart form's fields as JSON)
 * @param webhook the URL that receives its terminal event, or null
 */
public record SimulatedJob(String id, String operation, String status, Instant createdAt, String request, @Nullable String webhook) {}
