/**
 * The hand-written runtime shared by the pyannoteAI, Daily and lyrcs.ai clients: settings
 * ({@link dev.audiojobs.client.ClientOptions}), responses ({@link dev.audiojobs.client.ApiResponse}),
 * the exceptions every call may throw ({@link dev.audiojobs.client.AudioJobsException} and its
 * subclasses) and the value types generated models use ({@link dev.audiojobs.client.Extras},
 * {@link dev.audiojobs.client.DoubleList}).
 *
 * <p>Nothing here knows a vendor; vendor knowledge lives in the specs and the generated packages.
 */
@NullMarked
package dev.audiojobs.client;

import org.jspecify.annotations.NullMarked;
