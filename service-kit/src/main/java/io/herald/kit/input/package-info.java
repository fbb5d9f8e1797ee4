/** Input rules shared by the services: {@link io.herald.kit.input.PlainText} for names and subjects. */
package io.herald.kit.input;
