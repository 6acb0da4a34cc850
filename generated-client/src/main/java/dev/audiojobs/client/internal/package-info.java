/**
 * Helpers for generated code; not API. Anything here may change in any release without notice.
 */
@NullMarked
package dev.audiojobs.client.internal;

import org.jspecify.annotations.NullMarked;
