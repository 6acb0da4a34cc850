/**
 * Stateful simulators of the pyannoteAI, Daily batch processor and lyrcs.ai job APIs, each on a real
 * loopback HTTP server, for tests that must not reach a vendor.
 *
 * <p>Start one with {@link dev.audiojobs.testing.PyannoteSimulator#start()} (or {@code DailySimulator},
 * {@code LyrcsSimulator}), point a client at {@link dev.audiojobs.testing.VendorSimulator#baseUrl()},
 * move jobs along with {@link dev.audiojobs.testing.VendorSimulator#advance(java.time.Duration)}, and
 * close it; or let {@link dev.audiojobs.testing.SimulatorExtension} do the starting and closing. Every
 * request a simulator receives and every response it produces is validated against the vendor's
 * normalized spec (packaged in this jar); what does not conform is a {@link
 * dev.audiojobs.testing.Violation}.
 */
@NullMarked
package dev.audiojobs.testing;

import org.jspecify.annotations.NullMarked;
