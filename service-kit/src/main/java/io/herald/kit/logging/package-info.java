/** Personal data out of the logs: masking of e-mail addresses, phone numbers and device tokens in every line. */
package io.herald.kit.logging;
