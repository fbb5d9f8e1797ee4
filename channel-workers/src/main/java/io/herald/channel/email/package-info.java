/** The e-mail channel: SMTP through Spring Mail with pooled, reused connections. */
package io.herald.channel.email;
