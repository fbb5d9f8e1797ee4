/**
 * Rendering: {@link io.herald.notification.render.Template} compiles {@code {{placeholder}}} texts
 * once; {@link io.herald.notification.render.MessageRenderer} renders them per recipient and shapes
 * them for each channel (e-mail text + HTML, SMS within 160 characters, push title and body) under
 * the rules of {@link io.herald.notification.render.TextLimits}. Pure computation, no I/O.
 */
package io.herald.notification.render;
