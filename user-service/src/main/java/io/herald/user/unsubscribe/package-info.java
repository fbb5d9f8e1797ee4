/**
 * One-click unsubscribe (RFC 8058): {@code GET /unsubscribe/{token}} shows a confirmation page,
 * {@code POST /unsubscribe/{token}} takes the user out of the category the signed token names.
 */
package io.herald.user.unsubscribe;
