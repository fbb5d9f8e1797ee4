/**
 * HTTP hardening for every service: request ids in answers, problems and log lines, security
 * headers (a strict Content-Security-Policy on HTML), and the strict path rules applied before
 * routing.
 */
package io.herald.kit.web;
