/** The SMS channel: a structured log line per notification stands in for a provider. */
package io.herald.channel.sms;
