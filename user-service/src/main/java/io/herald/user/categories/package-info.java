/** {@code /api/v1/categories} and the {@code categories} set campaign-service validates against. */
package io.herald.user.categories;
