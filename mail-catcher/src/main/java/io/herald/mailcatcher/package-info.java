/**
 * The local mail catcher of {@code ./start.sh}: a real SMTP server (GreenMail's) that accepts
 * every mail for any address, counts them all, keeps the newest in memory and shows them over HTTP.
 */
package io.herald.mailcatcher;
